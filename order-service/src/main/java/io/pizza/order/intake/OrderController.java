package io.pizza.order.intake;

import java.net.URI;
import java.util.UUID;

import io.pizza.order.book.ReadModel;
import io.pizza.order.config.OrderServiceProperties;
import io.pizza.order.orders.OrderView;
import io.pizza.order.orders.Status;
import io.pizza.support.security.Roles;
import io.pizza.support.tracing.RecordSpans;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /orders}: place an order, read one with its timeline, page through a shop's.
 */
@RestController
class OrderController {

	/** Marks the answer to a retried request as the one given the first time. */
	static final String REPLAYED = "Idempotent-Replayed";

	private final OrderRules rules;

	private final OrderIntake intake;

	private final KnownOrders known;

	private final ReadModel readModel;

	private final RecordSpans spans;

	private final URI traces;

	OrderController(OrderRules rules, OrderIntake intake, KnownOrders known, ReadModel readModel, RecordSpans spans,
			OrderServiceProperties properties) {
		this.rules = rules;
		this.intake = intake;
		this.known = known;
		this.readModel = readModel;
		this.spans = spans;
		this.traces = properties.traces();
	}

	/**
	 * Places an order: {@code 201} once the brokers acknowledged it, {@code 202} with
	 * status {@code PENDING} when they have not within the answer's deadline (the send
	 * goes on; {@code GET} the order to see how it ends).
	 */
	@PostMapping(path = "/orders", consumes = "application/json")
	ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrder order,
			@RequestHeader(name = "Idempotency-Key", required = false) @Pattern(regexp = OrderIds.KEY_PATTERN,
					message = "must be a random UUID (version 4 or 7), new for each order") @Nullable String idempotencyKey)
			throws InterruptedException {
		this.rules.check(order);
		OrderIntake.Answer answer = this.intake.place(order, idempotencyKey);
		this.spans.tagOrder(answer.order().orderId());
		HttpStatus status = (answer.order().status() == Status.PENDING) ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
		return ResponseEntity.status(status)
			.location(URI.create("/orders/" + answer.order().orderId()))
			.header(REPLAYED, String.valueOf(answer.replayed()))
			.body(answer.order());
	}

	/**
	 * An order: from the read model, or, until the read model has it (or while the
	 * database is away), as its instance sent it or any instance's notes tell it.
	 */
	@GetMapping("/orders/{orderId}")
	ResponseEntity<OrderView> order(@PathVariable UUID orderId, HttpServletRequest request)
			throws InterruptedException {
		OrderView order = this.known.view(orderId).orElseThrow(() -> new OrderNotFound(orderId));
		if (!request.isUserInRole(Roles.STAFF) && !request.isUserInRole(Roles.ADMIN)) {
			return ResponseEntity.ok(order);
		}
		// the search by the order's tag: its trace, and a retry's of the same key if any
		URI traces = UriComponentsBuilder.fromUri(this.traces)
			.queryParam("annotationQuery", RecordSpans.ORDER_ID + "=" + orderId)
			.queryParam("lookback", "7d")
			.encode()
			.build()
			.toUri();
		return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + traces + ">; rel=\"trace\"").body(order);
	}

	@GetMapping("/orders")
	PagedModel<OrderView> orders(@RequestParam(required = false) @Nullable String shop,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return new PagedModel<>(this.readModel.page(shop, PageRequest.of(page, size)));
	}

}
