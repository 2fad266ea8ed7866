package io.pizza.delivery.tracking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.pizza.testing.Chromium;
import io.pizza.testing.PizzaTopics;
import io.pizza.testing.RealKafka;
import io.pizza.testing.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The map page in a real headless Chromium: it loads, goes live, and shows a courier
 * appear at its shop and move, with its position's age; a screenshot stays in
 * {@code target/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "delivery-tracker-service.positions-topic.replicas=1",
				"delivery-tracker-service.courier.interval=250ms", "delivery-tracker-service.courier.trip=8s",
				"spring.kafka.consumer.auto-offset-reset=earliest" })
@Import({ RealKafka.class, PizzaTopics.class })
class MapPageTests {

	@LocalServerPort
	int port;

	@Autowired
	KafkaConnectionDetails kafka;

	ChromeDriver browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Chromium.start(1400, 900);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.quit();
	}

	@Test
	void showsACourierLeaveItsShopAndMove() throws Exception {
		// the map shows every delivery: for staff, who log in first
		Chromium.logIn(this.browser, "http://localhost:" + this.port, TestUser.STAFF.username(),
				TestUser.STAFF.password());
		this.browser.get("http://localhost:" + this.port + "/");
		await()
			.untilAsserted(() -> assertThat(this.browser.findElement(By.id("connection")).getText()).isEqualTo("live"));
		assertThat(this.browser.findElements(By.cssSelector("#map line.street"))).isNotEmpty();

		UUID orderId = UUID.randomUUID();
		KitchenEvents kitchen = new KitchenEvents(String.join(",", this.kafka.getBootstrapServers()));
		kitchen.orderPlaced(orderId, "Circular Pi Pizzeria", "Corso Buenos Aires 12, Milano");
		kitchen.baked(orderId);

		By courier = By.cssSelector("g.courier[data-order-id='" + orderId + "']");
		await().untilAsserted(() -> assertThat(this.browser.findElements(courier)).hasSize(1));
		String first = this.browser.findElement(courier).getAttribute("transform");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.browser.findElement(courier).getAttribute("transform")).isNotEqualTo(first));
		WebElement moving = this.browser.findElement(courier);
		assertThat(moving.findElement(By.tagName("text")).getText()).matches("courier-\\w{4} \\d+\\.\\d s");
		assertThat(moving.getAttribute("class")).isEqualTo("courier");
		await().untilAsserted(
				() -> assertThat(this.browser.findElements(By.cssSelector("g.shop[data-shop='Circular Pi Pizzeria']")))
					.hasSize(1));
		List<WebElement> row = this.browser
			.findElements(By.cssSelector("#deliveries tr[data-order-id='" + orderId + "'] td"));
		assertThat(row).extracting(WebElement::getText)
			.startsWith(orderId.toString().substring(0, 8), "Circular Pi Pizzeria");

		Path screenshot = Path.of("target", "map-page.png");
		Files.write(screenshot, this.browser.getScreenshotAs(OutputType.BYTES));
		assertThat(Files.size(screenshot)).isGreaterThan(10_000);
	}

}
