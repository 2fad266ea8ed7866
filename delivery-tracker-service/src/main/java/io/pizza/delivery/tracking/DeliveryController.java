package io.pizza.delivery.tracking;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /deliveries}: the orders on their way, one order's latest position, and live
 * streams of positions as Server-Sent Events.
 */
@RestController
class DeliveryController {

	private final Deliveries deliveries;

	private final LiveFeed feed;

	DeliveryController(Deliveries deliveries, LiveFeed feed) {
		this.deliveries = deliveries;
		this.feed = feed;
	}

	@GetMapping("/deliveries")
	List<PositionView> active() {
		return this.deliveries.active().stream().map(this.deliveries::view).toList();
	}

	@GetMapping("/deliveries/{orderId}")
	PositionView delivery(@PathVariable UUID orderId) {
		return this.deliveries.find(orderId)
			.map(this.deliveries::view)
			.orElseThrow(() -> new DeliveryNotFound(orderId));
	}

	/**
	 * One order's positions: the latest known first, then each new one, until it is
	 * delivered. An order not on its way yet gets an open stream all the same: its
	 * courier may leave any moment.
	 * @return the stream of {@code position} events, ending with a {@code delivered} one
	 */
	@GetMapping(path = "/deliveries/{orderId}/positions", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter positions(@PathVariable UUID orderId, HttpServletRequest request) {
		return this.feed.follow(orderId, this.deliveries.find(orderId).map(this.deliveries::view).stream().toList(),
				Viewer.of(request));
	}

	/**
	 * Every order's positions: those on their way first, then each new position.
	 * @return the stream of {@code position} and {@code delivered} events
	 */
	@GetMapping(path = "/deliveries/positions", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter allPositions(HttpServletRequest request) {
		return this.feed.followAll(active(), Viewer.of(request));
	}

}
