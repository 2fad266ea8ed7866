package io.pizza.delivery.courier;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.pizza.delivery.config.TrackerSettings;
import io.pizza.delivery.tracking.CourierMoved;
import io.pizza.delivery.tracking.Deliveries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.KafkaException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * {@code POST /couriers/{courierId}/positions} publishes what is plausible, for a
 * delivery the courier is on, and answers problem details, publishing nothing, for what
 * is not.
 */
@WebMvcTest(CourierController.class)
@Import(TrackerSettings.class)
class CourierControllerTests {

	private static final String ORDER_ID = "0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Couriers couriers;

	@MockitoBean
	Deliveries deliveries;

	@Test
	void publishesAPositionWithTheTimeItWasTaken() {
		given(this.couriers.position(any())).willReturn(CompletableFuture.completedFuture(null));
		assertThat(post("bike-7", """
				{"orderId": "%s", "lat": 45.46, "lon": 9.19, "at": "2026-11-25T10:19:12Z"}""".formatted(ORDER_ID)))
			.hasStatus(202)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"orderId": "%s", "courierId": "bike-7", "lat": 45.46, "lon": 9.19,
					 "at": "2026-11-25T10:19:12Z", "delivered": false}""".formatted(ORDER_ID));
		ArgumentCaptor<CourierMoved> published = ArgumentCaptor.forClass(CourierMoved.class);
		verify(this.couriers).position(published.capture());
		assertThat(published.getValue().orderId()).isEqualTo(UUID.fromString(ORDER_ID));
		assertThat(published.getValue().at()).isEqualTo(Instant.parse("2026-11-25T10:19:12Z"));
	}

	@Test
	void namesEveryFieldMissingOrOutOfRange() {
		assertThat(post("bike-7", """
				{"lat": 91, "lon": -181}""")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("lat", "lon", "orderId");
		verify(this.couriers, never()).position(any());
	}

	@Test
	void refusesAPositionFromTheFuture() {
		String future = Instant.now().plusSeconds(3600).toString();
		assertThat(post("bike-7", """
				{"orderId": "%s", "lat": 45.46, "lon": 9.19, "at": "%s"}""".formatted(ORDER_ID, future))).hasStatus(422)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("at");
		verify(this.couriers, never()).position(any());
	}

	@Test
	void refusesACourierIdThatIsNoName() {
		assertThat(post("bike 7!", """
				{"orderId": "%s", "lat": 45.46, "lon": 9.19}""".formatted(ORDER_ID))).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("courierId");
	}

	@Test
	void refusesAFieldOfTheWrongTypeRatherThanConvertingIt() {
		assertThat(post("bike-7", """
				{"orderId": "%s", "lat": "45.46", "lon": 9.19}""".formatted(ORDER_ID))).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verify(this.couriers, never()).position(any());
	}

	@Test
	void refusesABodyOver4KibWith413() {
		String padded = """
				{"orderId": "%s", "lat": 45.46, "lon": 9.19%s}""".formatted(ORDER_ID, " ".repeat(5 * 1024));
		assertThat(post("bike-7", padded)).hasStatus(413)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Request too large");
		verify(this.couriers, never()).position(any());
	}

	@BeforeEach
	void dispatchedToBike7() {
		given(this.deliveries.courierOf(UUID.fromString(ORDER_ID))).willReturn(Optional.of("bike-7"));
	}

	@Test
	void refusesAPositionForADeliveryNobodyDispatchedItOn() {
		given(this.deliveries.courierOf(UUID.fromString(ORDER_ID))).willReturn(Optional.empty());
		assertThat(post("bike-7", """
				{"orderId": "%s", "lat": 45.46, "lon": 9.19}""".formatted(ORDER_ID))).hasStatus(403)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("not dispatched to you");
		verify(this.couriers, never()).position(any());
	}

	@Test
	void refusesAPositionForADeliveryAnotherCourierIsOn() {
		given(this.deliveries.courierOf(UUID.fromString(ORDER_ID))).willReturn(Optional.of("bike-8"));
		assertThat(post("bike-7", """
				{"orderId": "%s", "lat": 45.46, "lon": 9.19}""".formatted(ORDER_ID))).hasStatus(403)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Not your delivery");
		verify(this.couriers, never()).position(any());
	}

	@Test
	void answers503WhenKafkaDoesNotAcknowledge() {
		given(this.couriers.position(any()))
			.willReturn(CompletableFuture.failedFuture(new KafkaException("no leader for delivery-positions-3")));
		assertThat(post("bike-7", """
				{"orderId": "%s", "lat": 45.46, "lon": 9.19}""".formatted(ORDER_ID))).hasStatus(503)
			.hasHeader("Retry-After", "5")
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult post(String courierId, String body) {
		return this.mvc.post()
			.uri("/couriers/{courierId}/positions", courierId)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

}
