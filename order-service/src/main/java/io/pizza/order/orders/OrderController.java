package io.pizza.order.ordering;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /orders}: places an order and answers where Kafka stored it.
 */
@RestController
class OrderController {

	private static final Logger log = LoggerFactory.getLogger(OrderController.class);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private final OrderIntake intake;

	OrderController(OrderIntake intake) {
		this.intake = intake;
	}

	@PostMapping("/orders")
	ResponseEntity<OrderAccepted> place(@Valid @RequestBody PlaceOrder order) {
		OrderAccepted accepted = this.intake.place(order);
		return ResponseEntity.created(URI.create("/orders/" + accepted.orderId())).body(accepted);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onNotStored(OrderNotStored ex) {
		log.warn(ex.getMessage(), ex.getCause());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The order could not be stored in Kafka; nothing was placed. Try again shortly.");
		problem.setTitle("Kafka unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()))
			.body(problem);
	}

}
