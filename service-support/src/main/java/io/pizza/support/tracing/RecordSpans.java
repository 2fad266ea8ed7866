package io.pizza.support.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * A span for each record a batch listener handles, where Spring Kafka stops: asked to
 * observe a batch's records, it ends each record's observation before the listener runs,
 * and the listener's work joins no trace. Here each record's observation is Spring
 * Kafka's own (its name, its tags: topic, partition, offset, group), a child of the span
 * that sent the record, open while the listener handles it: its log lines carry its trace
 * id, and what it sends continues its trace. A record that carries no trace gets none.
 */
public class RecordSpans {

	/** The tag that finds an order's trace: its id. */
	public static final String ORDER_ID = "order.id";

	private final ObservationRegistry registry;

	private final @Nullable String clientId;

	RecordSpans(ObservationRegistry registry, @Nullable String clientId) {
		this.registry = registry;
		this.clientId = clientId;
	}

	/**
	 * Tags the span in scope, a request's or a record's, with the order it is about: the
	 * tag an order's trace is found by.
	 * @param orderId the order
	 */
	public void tagOrder(UUID orderId) {
		if (inAnObservation(this.registry)) {
			this.registry.getCurrentObservation().highCardinalityKeyValue(ORDER_ID, orderId.toString());
		}
	}

	/**
	 * Whether this thread works within an observation: one that is observed, not one of
	 * those Micrometer keeps in scope where an observation is switched off, so that what
	 * follows joins no trace.
	 * @return whether it does
	 */
	public static boolean inAnObservation(ObservationRegistry registry) {
		Observation current = registry.getCurrentObservation();
		return current != null && !current.isNoop();
	}

	/**
	 * The spans of one batch, from the listener's thread while it runs.
	 * @param listenerId the listener's id
	 * @return the batch's spans, each ended when the batch is closed
	 */
	public Batch batch(String listenerId) {
		return batch(listenerId, KafkaUtils.getConsumerGroupId());
	}

	/**
	 * The spans of one batch of a group the container does not name to its listener (a
	 * share group's).
	 * @param listenerId the listener's id
	 * @param groupId its group
	 * @return the batch's spans, each ended when the batch is closed
	 */
	public Batch batch(String listenerId, @Nullable String groupId) {
		return new Batch(listenerId, groupId);
	}

	/**
	 * The spans of one batch's records, ended together when it is closed.
	 */
	public final class Batch implements AutoCloseable {

		private final String listenerId;

		private final @Nullable String groupId;

		private final List<Observation> started = new ArrayList<>();

		private Batch(String listenerId, @Nullable String groupId) {
			this.listenerId = listenerId;
			this.groupId = groupId;
		}

		/**
		 * Starts a record's span: open it ({@link Observation#openScope()}) around what
		 * is done for the record.
		 * @param orderId the order it is about, {@code null} if it could not be read
		 * @return the record's span
		 */
		public Observation start(ConsumerRecord<?, ?> record, @Nullable UUID orderId) {
			Observation observation = KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
					KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
					() -> new KafkaRecordReceiverContext(record, this.listenerId, RecordSpans.this.clientId,
							this.groupId, () -> null),
					RecordSpans.this.registry);
			if (orderId != null) {
				observation.highCardinalityKeyValue(ORDER_ID, orderId.toString());
			}
			this.started.add(observation.start());
			return observation;
		}

		@Override
		public void close() {
			this.started.forEach(Observation::stop);
		}

	}

}
