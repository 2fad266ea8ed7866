package io.pizza.billing.bill;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /bills/rebuild}, for admins: bill every order again beside the bills in use,
 * swap them in once done, and follow how far it has come.
 */
@RestController
class RebuildController {

	private final Rebuild rebuild;

	RebuildController(Rebuild rebuild) {
		this.rebuild = rebuild;
	}

	@PostMapping("/bills/rebuild")
	@ResponseStatus(HttpStatus.ACCEPTED)
	RebuildProgress start() {
		return this.rebuild.start();
	}

	@GetMapping("/bills/rebuild")
	RebuildProgress progress() {
		return this.rebuild.progress();
	}

}
