package io.pizza.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pizza.platform.system.PlatformException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What can be ordered, as order-service's {@code GET /menu} says.
 *
 * @param pizzas the pizzas' prices, by name
 * @param toppings the extra toppings' prices, by name
 */
record Menu(List<String> shops, Map<String, BigDecimal> pizzas, Map<String, BigDecimal> toppings) {

	private static final JsonMapper json = JsonMapper.builder().build();

	static Menu of(URI orderService, HttpClient http) {
		HttpRequest request = HttpRequest.newBuilder(orderService.resolve("/menu"))
			.timeout(Duration.ofSeconds(5))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new PlatformException("GET /menu answered " + response.statusCode());
			}
			JsonNode menu = json.readTree(response.body());
			List<String> shops = new ArrayList<>();
			menu.get("shops").forEach((shop) -> shops.add(shop.asString()));
			return new Menu(shops, prices(menu.get("pizzas")), prices(menu.get("toppings")));
		}
		catch (IOException ex) {
			throw new PlatformException("order-service does not answer at " + orderService + " (is it up?)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	/**
	 * The record order-service writes to the orders topic for an order it takes: each
	 * pizza and topping priced, the total, a fresh id, the time placed.
	 * @param request the body of {@code POST /orders}
	 * @param orderId the order's id
	 * @param placedAt when it was placed
	 * @return the record's value
	 */
	ObjectNode placed(JsonNode request, UUID orderId, Instant placedAt) {
		ObjectNode placed = json.createObjectNode();
		placed.put("orderId", orderId.toString());
		placed.put("shop", request.get("shop").asString());
		placed.set("customer", request.get("customer"));
		BigDecimal total = BigDecimal.ZERO;
		for (JsonNode pizza : request.get("pizzas")) {
			ObjectNode priced = placed.withArray("pizzas").addObject();
			BigDecimal price = this.pizzas.get(pizza.get("name").asString());
			priced.put("name", pizza.get("name").asString()).put("price", price);
			total = total.add(price);
			for (JsonNode topping : pizza.get("toppings")) {
				BigDecimal toppingPrice = this.toppings.get(topping.asString());
				priced.withArray("toppings").addObject().put("name", topping.asString()).put("price", toppingPrice);
				total = total.add(toppingPrice);
			}
			priced.withArray("toppings");
		}
		placed.put("currency", "EUR");
		placed.put("total", total);
		placed.put("placedAt", placedAt.toString());
		return placed;
	}

	private static Map<String, BigDecimal> prices(JsonNode items) {
		Map<String, BigDecimal> prices = new LinkedHashMap<>();
		items.forEach((item) -> prices.put(item.get("name").asString(), item.get("price").decimalValue()));
		return prices;
	}

}
