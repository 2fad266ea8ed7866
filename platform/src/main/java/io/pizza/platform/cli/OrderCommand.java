package io.pizza.platform.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.PlatformException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza order}: places one sample order through the REST API and prints the
 * answer.
 */
@Command(name = "order", description = "Place one sample order through order-service and print the answer.")
class OrderCommand implements Callable<Integer> {

	private static final String SAMPLE = """
			{"shop":"%s","customer":{"name":"Adele","phone":"+39 02 1234567","address":"Via Roma 1, Milano"},\
			"pizzas":[{"name":"Margherita","toppings":["olives"]},{"name":"Diavola","toppings":[]}]}""";

	@ParentCommand
	PizzaCli cli;

	@Option(names = "--shop", defaultValue = "Luigis Pizza",
			description = "The shop to order from (default: ${DEFAULT-VALUE}).")
	String shop;

	@Override
	public Integer call() {
		Instance orders = this.cli.instance("order-service");
		String body = SAMPLE.formatted(this.shop.replace("\"", ""));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + orders.port() + "/orders"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			System.out.println("POST /orders " + body);
			System.out.println("-> " + response.statusCode() + " "
					+ response.headers().firstValue("Location").map((location) -> "Location: " + location).orElse(""));
			System.out.println(response.body());
			return (response.statusCode() / 100 == 2) ? 0 : 1;
		}
		catch (IOException ex) {
			throw new PlatformException(
					"order-service does not answer on port " + orders.port() + " (is it up? ./pizza status)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

}
