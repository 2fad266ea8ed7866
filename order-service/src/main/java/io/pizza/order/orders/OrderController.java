package io.pizza.order.orders;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /orders}: place an order, read one with its timeline, page through a shop's.
 */
@RestController
class OrderController {

	/** Marks the answer to a retried request as the one given the first time. */
	static final String REPLAYED = "Idempotent-Replayed";

	private final OrderRules rules;

	private final OrderIntake intake;

	private final Orders orders;

	OrderController(OrderRules rules, OrderIntake intake, Orders orders) {
		this.rules = rules;
		this.intake = intake;
		this.orders = orders;
	}

	@PostMapping(path = "/orders", consumes = "application/json")
	ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrder order, @RequestHeader(name = "Idempotency-Key",
			required = false) @Size(min = 1, max = 200) @Nullable String idempotencyKey) {
		this.rules.check(order);
		OrderIntake.Placement placement = this.intake.place(order, idempotencyKey);
		return ResponseEntity.created(URI.create("/orders/" + placement.order().orderId()))
			.header(REPLAYED, String.valueOf(placement.replayed()))
			.body(placement.order());
	}

	@GetMapping("/orders/{orderId}")
	@Transactional(readOnly = true)
	OrderView order(@PathVariable UUID orderId) {
		return this.orders.findById(orderId).map(OrderView::of).orElseThrow(() -> new OrderNotFound(orderId));
	}

	@GetMapping("/orders")
	@Transactional(readOnly = true)
	PagedModel<OrderView> orders(@RequestParam(required = false) @Nullable String shop,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		PageRequest request = PageRequest.of(page, size);
		return new PagedModel<>(((shop != null) ? this.orders.findByShopOrderByPlacedAtDesc(shop, request)
				: this.orders.findAllByOrderByPlacedAtDesc(request))
			.map(OrderView::of));
	}

}
