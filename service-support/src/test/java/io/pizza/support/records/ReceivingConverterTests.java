package io.pizza.support.records;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch listener's parameter type decides what it gets: each record as
 * {@link Received}, read or with its reason, or plain values as Spring Kafka gives them.
 */
class ReceivingConverterTests {

	private final ReceivingConverter converter = new ReceivingConverter(new ByteArrayJacksonJsonMessageConverter());

	@Test
	void eachRecordComesWithItsValueOrWhyItHasNone() throws Exception {
		List<ConsumerRecord<?, ?>> records = List.of(record(0, "{\"shop\":\"Luigis\",\"pizzas\":2,\"new\":true}"),
				record(1, "not json"), record(2, ""), new ConsumerRecord<>("orders", 0, 3, "Luigis", null));

		List<?> received = payload(this.converter.toMessage(records, null, null, type("receive")));

		assertThat(received).hasSize(4).allSatisfy((item) -> assertThat(item).isInstanceOf(Received.class));
		Received<?> read = (Received<?>) received.get(0);
		assertThat(read.value()).isEqualTo(new Sample("Luigis", 2));
		assertThat(read.failure()).isNull();
		assertThat(read.where()).isEqualTo("orders-0@0");
		assertThat(((Received<?>) received.get(1)).failure())
			.hasMessage("Not readable as Sample: StreamReadException: Unrecognized token 'not': was expecting "
					+ "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
		for (Object item : received.subList(1, 4)) {
			Received<?> unread = (Received<?>) item;
			assertThat(unread.value()).isNull();
			assertThat(unread.failure()).hasMessageStartingWith("Not readable as Sample: ");
			assertThat(unread.record()).isSameAs(records.get((int) unread.offset()));
		}
	}

	@Test
	void plainValuesAreConvertedAsSpringKafkaDoes() throws Exception {
		List<ConsumerRecord<?, ?>> records = List.of(record(0, "{\"shop\":\"Luigis\",\"pizzas\":2}"),
				record(1, "not json"));

		Message<?> message = this.converter.toMessage(records, null, null, type("values"));

		assertThat(payload(message)).containsExactly(new Sample("Luigis", 2), null);
		assertThat((List<?>) message.getHeaders().get(KafkaHeaders.CONVERSION_FAILURES)).element(1).isNotNull();
	}

	private static ConsumerRecord<?, ?> record(long offset, String value) {
		return new ConsumerRecord<>("orders", 0, offset, "Luigis", value.getBytes(StandardCharsets.UTF_8));
	}

	@SuppressWarnings("unchecked")
	private static List<Object> payload(Message<?> message) {
		return (List<Object>) message.getPayload();
	}

	private static Type type(String method) throws NoSuchMethodException {
		return Listeners.class.getDeclaredMethod(method, List.class).getGenericParameterTypes()[0];
	}

	record Sample(String shop, int pizzas) {
	}

	interface Listeners {

		void receive(List<Received<Sample>> records);

		void values(List<Sample> values);

	}

}
