package io.pizza.platform.deadletters;

import java.nio.ByteBuffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the dead letters' headers say, as Spring Kafka and Kafka Connect write them, and
 * what a replay adds, as the services read it.
 */
class DeadLetterHeadersTests {

	@Test
	void readsWhatSpringKafkaWritesOfTheSourceAndTheCause() {
		RecordHeaders headers = new RecordHeaders();
		headers.add(text("kafka_dlt-original-topic", "pizza-orders"));
		headers.add(new RecordHeader("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(3).array()));
		headers.add(new RecordHeader("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(1234).array()));
		headers.add(text("kafka_dlt-exception-fqcn",
				"org.springframework.kafka.listener.ListenerExecutionFailedException"));
		headers.add(text("kafka_dlt-exception-cause-fqcn", "tools.jackson.core.JacksonException"));
		headers.add(text("kafka_dlt-exception-message", "Unexpected character\n at [Source: ...]"));
		headers.add(text("kafka_dlt-original-consumer-group", "billing"));
		headers.add(text("placed-by", "order-service-1"));

		DeadLetter letter = DeadLetterHeaders.read(record("pizza-orders.DLT", headers));

		assertThat(letter.topic()).isEqualTo("pizza-orders.DLT");
		assertThat(letter.offset()).isEqualTo(7);
		assertThat(letter.key()).isEqualTo("Marios Pizza");
		assertThat(letter.sourceTopic()).isEqualTo("pizza-orders");
		assertThat(letter.sourcePartition()).isEqualTo(3);
		assertThat(letter.sourceOffset()).isEqualTo(1234);
		assertThat(letter.group()).isEqualTo("billing");
		assertThat(letter.reason()).isEqualTo("JacksonException: Unexpected character");
		assertThat(headers.toArray()).filteredOn(DeadLetterHeaders::isDeadLettering).hasSize(7);
	}

	@Test
	void readsWhatKafkaConnectWritesOfTheSourceAndTheCause() {
		RecordHeaders headers = new RecordHeaders();
		headers.add(text("__connect.errors.topic", "pizza_order_rows"));
		headers.add(text("__connect.errors.partition", "2"));
		headers.add(text("__connect.errors.offset", "99"));
		headers.add(text("__connect.errors.connector.name", "pizza-order-rows-sink"));
		headers.add(text("__connect.errors.exception.class.name", "org.apache.kafka.connect.errors.DataException"));
		headers.add(text("__connect.errors.exception.message", "Converting byte[] to Kafka Connect data failed"));

		DeadLetter letter = DeadLetterHeaders.read(record("pizza_order_rows.connect.DLT", headers));

		assertThat(letter)
			.extracting(DeadLetter::sourceTopic, DeadLetter::sourcePartition, DeadLetter::sourceOffset,
					DeadLetter::group, DeadLetter::reason)
			.containsExactly("pizza_order_rows", 2, 99L, "connect-pizza-order-rows-sink",
					"DataException: Converting byte[] to Kafka Connect data failed");
	}

	@Test
	void namesTheReplayHeadersAsTheServicesReadThem() throws IOException {
		String services = Files
			.readString(Path.of("../service-support/src/main/java/io/pizza/support/records/Replayed.java"));
		assertThat(services).contains("FROM = \"" + DeadLetterHeaders.REPLAYED_FROM + "\";")
			.contains("FOR = \"" + DeadLetterHeaders.REPLAYED_FOR + "\";");
	}

	@Test
	void aPlaceIsOnePartitionsOffset() {
		assertThat(DeadLetters.Position.parse("2@17")).isEqualTo(new DeadLetters.Position(2, 17));
		assertThatExceptionOfType(PlatformException.class).isThrownBy(() -> DeadLetters.Position.parse("17"));
	}

	private static ConsumerRecord<byte[], byte[]> record(String topic, RecordHeaders headers) {
		return new ConsumerRecord<>(topic, 0, 7, 0L, TimestampType.CREATE_TIME, 0, 0,
				"Marios Pizza".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8), headers,
				Optional.empty());
	}

	private static RecordHeader text(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
