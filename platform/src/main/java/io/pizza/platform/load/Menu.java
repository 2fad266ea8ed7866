package io.pizza.platform.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.pizza.platform.PlatformException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What can be ordered, as order-service's {@code GET /menu} says.
 *
 * @param shops the shops
 * @param pizzas the pizzas' names
 * @param toppings the extra toppings' names
 */
record Menu(List<String> shops, List<String> pizzas, List<String> toppings) {

	static Menu of(URI orderService, HttpClient http) {
		HttpRequest request = HttpRequest.newBuilder(orderService.resolve("/menu"))
			.timeout(Duration.ofSeconds(5))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new PlatformException("GET /menu answered " + response.statusCode());
			}
			JsonNode menu = JsonMapper.builder().build().readTree(response.body());
			return new Menu(texts(menu.get("shops"), null), texts(menu.get("pizzas"), "name"),
					texts(menu.get("toppings"), "name"));
		}
		catch (IOException ex) {
			throw new PlatformException("order-service does not answer at " + orderService + " (is it up?)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	private static List<String> texts(JsonNode array, String field) {
		List<String> texts = new ArrayList<>();
		array.forEach((item) -> texts.add((field != null) ? item.get(field).asString() : item.asString()));
		return texts;
	}

}
