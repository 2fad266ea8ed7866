package io.pizza.order.intake;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;

/**
 * The faults a producer meets on a real cluster, for one topic of a test's instance while
 * its other topics flow: sends held as if the partition's leader did not answer, then let
 * go, given up on (the producer's delivery timeout), or delivered with their
 * acknowledgement lost on the way back.
 */
final class ProducerGate {

	private final String topic;

	private final List<Held> held = new ArrayList<>();

	private boolean holding;

	ProducerGate(String topic) {
		this.topic = topic;
	}

	/**
	 * Puts the gate around every producer of an application.
	 * @return the customizer that does
	 */
	DefaultKafkaProducerFactoryCustomizer customizer() {
		return (factory) -> factory.addPostProcessor(this::wrap);
	}

	synchronized void hold() {
		this.holding = true;
	}

	/** Lets the sends held go, and the next ones. */
	void release() {
		forEachHeld((send) -> send.producer.send(send.record, send.callback));
	}

	/** The producer gives up on the sends held: they never reach the brokers. */
	void giveUp() {
		forEachHeld((send) -> send.callback.onCompletion(null, expired()));
	}

	/**
	 * The sends held reach the brokers, but the producer hears of none of them and gives
	 * up.
	 */
	void loseAcknowledgements() {
		forEachHeld((send) -> send.producer.send(send.record,
				(metadata, ex) -> send.callback.onCompletion(null, (ex != null) ? ex : expired())));
	}

	private void forEachHeld(java.util.function.Consumer<Held> action) {
		List<Held> sends;
		synchronized (this) {
			this.holding = false;
			sends = List.copyOf(this.held);
			this.held.clear();
		}
		sends.forEach(action);
	}

	private static TimeoutException expired() {
		return new TimeoutException("Expiring 1 record(s): delivery timeout has passed since batch creation");
	}

	@SuppressWarnings("unchecked")
	private <K, V> Producer<K, V> wrap(Producer<K, V> producer) {
		InvocationHandler handler = (proxy, method, arguments) -> {
			if (method.getName().equals("send") && arguments.length == 2
					&& arguments[0] instanceof ProducerRecord<?, ?> record && record.topic().equals(this.topic)
					&& held((Producer<Object, Object>) producer, (ProducerRecord<Object, Object>) record,
							(Callback) arguments[1])) {
				return new CompletableFuture<>();
			}
			try {
				return method.invoke(producer, arguments);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return (Producer<K, V>) Proxy.newProxyInstance(Producer.class.getClassLoader(),
				new Class<?>[] { Producer.class }, handler);
	}

	private synchronized boolean held(Producer<Object, Object> producer, ProducerRecord<Object, Object> record,
			Callback callback) {
		if (this.holding) {
			this.held.add(new Held(producer, record, callback));
		}
		return this.holding;
	}

	private record Held(Producer<Object, Object> producer, ProducerRecord<Object, Object> record, Callback callback) {
	}

}
