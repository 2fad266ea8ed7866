package io.pizza.order.intake;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.pizza.order.config.OrderServiceProperties;
import io.pizza.order.menu.Menu;
import io.pizza.order.orders.Status;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * A keyed request whose claim on its order id came second sends nothing: it answers the
 * first claim's order, or {@code 422} when that was another request.
 */
class OrderIntakeTests {

	private static final String KEY = "0b9a7d6e-3f1c-4b2a-9e8d-7c6b5a4f3e2d";

	private final KnownOrders known = mock(KnownOrders.class);

	private final PlacementNotes notes = mock(PlacementNotes.class);

	private final OrderSender sender = mock(OrderSender.class);

	private final Placements placements = new Placements(Duration.ofMinutes(10), 1000);

	private final RequestFingerprint fingerprints = new RequestFingerprint(JsonMapper.builder().build());

	private final OrderIds ids = new OrderIds(properties());

	private final OrderIntake intake = new OrderIntake(this.sender, this.placements, this.known, this.notes,
			this.fingerprints, this.ids, menu(), properties());

	@Test
	void aClaimThatCameSecondAnswersTheFirstClaimsOrderAndSendsNothing() throws Exception {
		PlaceOrder request = request("Marios Pizza");
		UUID orderId = this.ids.of(KEY);
		Placement first = new Placement(request.placed(orderId, menu(), Instant.now()), this.fingerprints.of(request),
				"order-service-2");
		given(this.known.before(orderId)).willReturn(Optional.empty(),
				Optional.of(new KnownOrders.Known(Status.PENDING, this.fingerprints.of(request), first.view())));
		given(this.notes.claim(any(), any())).willReturn(false);

		OrderIntake.Answer answer = this.intake.place(request, KEY);

		assertThat(answer.replayed()).isTrue();
		assertThat(answer.order().orderId()).isEqualTo(orderId);
		assertThat(answer.order().status()).isEqualTo(Status.PENDING);
		verifyNoInteractions(this.sender);
		assertThat(this.placements.find(orderId)).isEmpty();
	}

	@Test
	void aClaimThatCameSecondForAnotherOrderIsRefused() throws Exception {
		PlaceOrder mine = request("Marios Pizza");
		PlaceOrder theirs = request("Luigis Pizza");
		UUID orderId = this.ids.of(KEY);
		given(this.known.before(orderId)).willReturn(Optional.empty(),
				Optional.of(new KnownOrders.Known(Status.PENDING, this.fingerprints.of(theirs), null)));
		given(this.notes.claim(any(), any())).willReturn(false);

		assertThatExceptionOfType(IdempotencyKeyReused.class).isThrownBy(() -> this.intake.place(mine, KEY));
		verifyNoInteractions(this.sender);
		assertThat(this.placements.find(orderId)).isEmpty();
	}

	private static PlaceOrder request(String shop) {
		return new PlaceOrder(shop, new PlaceOrder.Customer("Adele", "+39 02 1234567", "Via Roma 1"),
				List.of(new PlaceOrder.Pizza("Margherita", List.of())));
	}

	private static OrderServiceProperties properties() {
		OrderServiceProperties properties = mock(OrderServiceProperties.class);
		given(properties.orderIdKey()).willReturn("test-order-id-key-0123456789abcdef");
		given(properties.instanceId()).willReturn("order-service");
		given(properties.answerDeadline()).willReturn(Duration.ofSeconds(2));
		return properties;
	}

	private static Menu menu() {
		Menu menu = mock(Menu.class);
		given(menu.pizzaPrice(anyString())).willReturn(BigDecimal.ONE);
		given(menu.toppingPrice(anyString())).willReturn(BigDecimal.ONE);
		return menu;
	}

}
