package io.pizza.delivery.courier;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import io.pizza.delivery.tracking.CourierMoved;
import io.pizza.delivery.tracking.Deliveries;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /couriers/{courierId}/positions}: a real courier's app reports where it is,
 * as that courier (its credentials name it), for a delivery it was dispatched on: never
 * another courier's, nor one nobody sent it on. The position is published like a
 * simulated courier's and answered once the brokers have it.
 */
@RestController
class CourierController {

	private final Couriers couriers;

	private final Deliveries deliveries;

	private final Clock clock = Clock.systemUTC();

	private final DeliveryTrackerProperties.PostedPositions posted;

	CourierController(Couriers couriers, Deliveries deliveries, DeliveryTrackerProperties properties) {
		this.couriers = couriers;
		this.deliveries = deliveries;
		this.posted = properties.postedPositions();
	}

	@PostMapping(path = "/couriers/{courierId}/positions", consumes = "application/json")
	@ResponseStatus(HttpStatus.ACCEPTED)
	CourierMoved report(@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String courierId,
			@Valid @RequestBody PositionReport report) throws InterruptedException {
		Optional<String> dispatched = this.deliveries.courierOf(report.orderId());
		if (!dispatched.map(courierId::equals).orElse(false)) {
			throw new NotYourDelivery(dispatched.isPresent());
		}
		Instant now = this.clock.instant();
		Instant at = (report.at() != null) ? report.at() : now;
		if (at.isAfter(now.plus(this.posted.clockSkew()))) {
			throw new PositionRejected("at", "is in the future (" + at + ")");
		}
		CourierMoved position = new CourierMoved(report.orderId(), courierId, report.lat(), report.lon(), at,
				Boolean.TRUE.equals(report.delivered()));
		try {
			this.couriers.position(position).get(this.posted.answerDeadline().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PositionNotStored(ex);
		}
		return position;
	}

}
