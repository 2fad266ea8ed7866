package io.pizza.maker.config;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Starts the kitchen again after its producer was fenced. The brokers fence a
 * transactional producer in two cases: another maker took its partitions over, or its
 * transaction timed out (a poll that outlived {@code transaction.timeout.ms} while the
 * brokers failed over). Kafka does not say which, and in the second the maker still owns
 * its partitions: a container that carried on would read past the orders of the aborted
 * transaction, and they would never be baked. So the container stops when fenced, and
 * this starts it again: its new consumer reads from the committed offsets, and the orders
 * of the aborted transaction are baked once.
 */
@Component
class FencedRestart {

	private static final Logger log = LoggerFactory.getLogger(FencedRestart.class);

	private final KafkaListenerEndpointRegistry registry;

	private final String instance;

	private final Executor restarts = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "fenced-restart");
		thread.setDaemon(true);
		return thread;
	});

	FencedRestart(KafkaListenerEndpointRegistry registry, PizzaMakerProperties properties) {
		this.registry = registry;
		this.instance = properties.instanceId();
	}

	@EventListener
	void on(ConsumerStoppedEvent event) {
		if (event.getReason() != ConsumerStoppedEvent.Reason.FENCED) {
			return;
		}
		log.warn("[{}] transaction fenced (timed out, or another maker took over): the kitchen starts again from "
				+ "the committed offsets", this.instance);
		// not on the consumer's thread, which is ending
		this.restarts.execute(() -> this.registry.getListenerContainers().forEach(this::restart));
	}

	private void restart(MessageListenerContainer container) {
		container.stop();
		container.start();
	}

}
