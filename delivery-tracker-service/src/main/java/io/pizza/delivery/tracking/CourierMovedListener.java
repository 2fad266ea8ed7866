package io.pizza.delivery.tracking;

import java.util.Map;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import io.pizza.support.tracing.TraceInLog;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.adapter.ConsumerRecordMetadata;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads every courier's positions and streams them to this instance's clients. Every
 * instance reads every position, in a consumer group of its own, so that a client gets
 * all of its order's positions whichever instance it is connected to; and on each
 * assignment an instance reads the topic from its start (at most the last hour: the
 * topic's retention), so that a restarted instance knows every delivery on its way.
 */
@Component
class CourierMovedListener implements ConsumerSeekAware {

	/** The container post-processor that leaves positions out of the traces. */
	static final String UNTRACED = "untracedPositions";

	private static final Logger log = LoggerFactory.getLogger(CourierMovedListener.class);

	private final Deliveries deliveries;

	private final LiveFeed feed;

	private final DeliveryTrackerProperties properties;

	CourierMovedListener(Deliveries deliveries, LiveFeed feed, DeliveryTrackerProperties properties) {
		this.deliveries = deliveries;
		this.feed = feed;
		this.properties = properties;
	}

	// a position is on the map as soon as it is on the brokers: this group's fetches come
	// back with the first record, not after the service's usual wait for a fuller one
	@KafkaListener(id = "positions", topics = "${delivery-tracker-service.positions-topic.name}",
			groupId = "delivery-tracker-positions-${delivery-tracker-service.instance-id}",
			properties = "fetch.min.bytes=1", containerPostProcessor = UNTRACED)
	void on(@Payload CourierMoved position, ConsumerRecordMetadata record,
			@Header(name = TraceInLog.TRACEPARENT, required = false) @Nullable String trace) {
		try (TraceInLog named = TraceInLog.of(trace)) {
			show(position, record);
		}
	}

	private void show(CourierMoved position, ConsumerRecordMetadata record) {
		this.deliveries.record(position).map(this.deliveries::view).ifPresent((view) -> {
			this.feed.publish(view);
			// the last hour read back at each start would be a flood: what is stale
			// already goes to DEBUG, and the line is made only when it is written
			boolean info = !view.stale();
			if (info ? log.isInfoEnabled() : log.isDebugEnabled()) {
				String line = String.format("[%s] %s-%d@%d order=%s %s at %.5f,%.5f %d ms old%s",
						this.properties.instanceId(), record.topic(), record.partition(), record.offset(),
						view.orderId(), view.courierId(), view.lat(), view.lon(), view.ageMillis(),
						view.delivered() ? ", delivered" : (view.stale() ? ", stale" : ""));
				if (info) {
					log.info(line);
				}
				else {
					log.debug(line);
				}
			}
		});
	}

	/**
	 * A position carries its order's trace for the log lines written for it, and makes no
	 * span: a delivery has a span of its own, and a span per position would bury it.
	 * @return the post-processor
	 */
	@Bean(UNTRACED)
	static ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> untracedPositions() {
		return (container) -> container.getContainerProperties().setObservationEnabled(false);
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		callback.seekToBeginning(assignments.keySet());
	}

	@Scheduled(fixedDelayString = "PT1M")
	void forgetOld() {
		this.deliveries.forgetOld();
	}

}
