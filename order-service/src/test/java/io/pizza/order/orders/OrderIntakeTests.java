package io.pizza.order.orders;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.pizza.order.config.OrderServiceProperties;
import io.pizza.order.menu.Menu;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Requests with one idempotency key place one order, however their steps interleave.
 */
class OrderIntakeTests {

	private final ReadModel readModel = mock(ReadModel.class);

	private final OrderSender sender = mock(OrderSender.class);

	private final Placements placements = new Placements(Duration.ofMinutes(10), 1000);

	private final RequestFingerprint fingerprints = new RequestFingerprint(JsonMapper.builder().build());

	private final OrderIntake intake = new OrderIntake(this.sender, this.placements, this.readModel, this.fingerprints,
			menu(), mock(OrderServiceProperties.class));

	@Test
	void aKeyedRequestFindsTheOrderAnotherPlacedStoredAndForgotBetweenItsLookUps() throws Exception {
		PlaceOrder request = new PlaceOrder("Marios Pizza",
				new PlaceOrder.Customer("Adele", "+39 02 1234567", "Via Roma 1"),
				List.of(new PlaceOrder.Pizza("Margherita", List.of())));
		UUID orderId = RequestFingerprint.orderId("one-key");
		OrderPlaced placed = new OrderPlaced(orderId, "Marios Pizza",
				new OrderPlaced.Customer("Adele", "+39 02 1234567", "Via Roma 1"),
				List.of(new OrderPlaced.Pizza("Margherita", BigDecimal.ONE, List.of())), "EUR", BigDecimal.ONE,
				Instant.now());
		ReadModel.Stored stored = new ReadModel.Stored(
				OrderView.of(new Placement(placed, this.fingerprints.of(request), "order-service")),
				this.fingerprints.of(request));
		// the first look-up finds nothing; then the other request's order is sent, stored
		// and forgotten by this instance before this one claims the key
		given(this.readModel.stored(orderId)).willReturn(Optional.empty(), Optional.of(stored));

		OrderIntake.Answer answer = this.intake.place(request, "one-key");

		assertThat(answer.replayed()).isTrue();
		assertThat(answer.order().orderId()).isEqualTo(orderId);
		verifyNoInteractions(this.sender);
		assertThat(this.placements.find(orderId)).isEmpty();
	}

	private static Menu menu() {
		Menu menu = mock(Menu.class);
		given(menu.pizzaPrice(anyString())).willReturn(BigDecimal.ONE);
		given(menu.toppingPrice(anyString())).willReturn(BigDecimal.ONE);
		return menu;
	}

}
