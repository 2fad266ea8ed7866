package io.pizza.dashboard.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /api/dashboard}: what the page shows, once or as a stream of Server-Sent Events,
 * one {@code snapshot} event per look at the cluster.
 */
@RestController
class DashboardController {

	private final DashboardFeed feed;

	DashboardController(DashboardFeed feed) {
		this.feed = feed;
	}

	@GetMapping("/api/dashboard")
	DashboardView dashboard() {
		return this.feed.view();
	}

	@GetMapping(path = "/api/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream() {
		return this.feed.follow();
	}

}
