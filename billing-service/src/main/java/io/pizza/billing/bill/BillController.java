package io.pizza.billing.bill;

import java.util.UUID;

import io.pizza.billing.config.BillingProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /bills}: one order's bill, a shop's bills newest first, and the totals per shop.
 */
@RestController
class BillController {

	private final Bills bills;

	private final ShopAccounts accounts;

	private final BillingProperties properties;

	BillController(Bills bills, ShopAccounts accounts, BillingProperties properties) {
		this.bills = bills;
		this.accounts = accounts;
		this.properties = properties;
	}

	@GetMapping("/bills/{orderId}")
	@Transactional(readOnly = true)
	BillView bill(@PathVariable UUID orderId) {
		return this.bills.findById(orderId).map(BillView::of).orElseThrow(() -> new BillNotFound(orderId));
	}

	@GetMapping("/bills")
	@Transactional(readOnly = true)
	PagedModel<BillView> bills(@RequestParam(required = false) @Nullable String shop,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		PageRequest request = PageRequest.of(page, size);
		return new PagedModel<>(((shop != null) ? this.bills.findByShopOrderByPlacedAtDesc(shop, request)
				: this.bills.findAllByOrderByPlacedAtDesc(request))
			.map(BillView::of));
	}

	@GetMapping("/bills/summary")
	@Transactional(readOnly = true)
	Summary summary() {
		return Summary.of(this.properties.currency(), this.accounts.totals());
	}

}
