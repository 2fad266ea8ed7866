package io.pizza.platform.deadletters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Dead letters sent back to the topic they came from, key, value and the producer's
 * headers as they were, with {@code replayed-from} and {@code replayed-for} headers: the
 * dead letter it was, and the consumer group that gave up on it, which alone handles it
 * again; every other group of the topic handled it the first time and skips it.
 */
final class SendingBack {

	private final Map<String, Object> client;

	SendingBack(Map<String, Object> client) {
		this.client = client;
	}

	// waits for the brokers to take every one
	void send(List<DeadLetter> letters) {
		Map<String, Object> config = new HashMap<>(this.client);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			List<Future<RecordMetadata>> sent = new ArrayList<>();
			for (DeadLetter letter : letters) {
				sent.add(producer.send(backToSource(letter)));
			}
			for (Future<RecordMetadata> send : sent) {
				send.get();
			}
		}
		catch (ExecutionException ex) {
			throw new PlatformException("Could not send the dead letters back: " + ex.getCause().getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	// the key and value as they were, the producer's own headers kept, the dead
	// lettering's left out; the partition is the key's again (none given)
	private static ProducerRecord<byte[], byte[]> backToSource(DeadLetter letter) {
		ConsumerRecord<byte[], byte[]> record = letter.record();
		List<Header> headers = new ArrayList<>();
		for (Header header : record.headers()) {
			if (!DeadLetterHeaders.isDeadLettering(header)) {
				headers.add(header);
			}
		}
		ProducerRecord<byte[], byte[]> replay = new ProducerRecord<>(letter.sourceTopic(), null, record.key(),
				record.value(), headers);
		replay.headers()
			.add(DeadLetterHeaders.REPLAYED_FROM,
					"%s-%d@%d".formatted(letter.topic(), letter.partition(), letter.offset())
						.getBytes(StandardCharsets.UTF_8))
			.add(DeadLetterHeaders.REPLAYED_FOR, letter.group().getBytes(StandardCharsets.UTF_8));
		return replay;
	}

}
