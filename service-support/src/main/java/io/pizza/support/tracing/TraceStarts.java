package io.pizza.support.tracing;

import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.common.header.Headers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * What may start a trace: a request to a service's API, and nothing else. A record starts
 * none: it is observed when it carries the trace of the request that caused it, and a
 * send is observed only within an observation, so that a courier's positions, a note sent
 * from a producer's callback or a record written by the bench start no trace of one span
 * each. The probes and the scrapes of {@code /actuator} are not traced either.
 */
class TraceStarts implements ObservationPredicate {

	/** The headers a trace travels in: W3C's, or B3's in one header or several. */
	static final List<String> TRACE_HEADERS = List.of(TraceInLog.TRACEPARENT, "b3", "X-B3-TraceId");

	private static final String SEND = "spring.kafka.template";

	private static final String ACTUATOR = "/actuator";

	private final ObjectProvider<ObservationRegistry> registries;

	// asked for once, when a send is first observed: the registry is made after this
	private volatile ObservationRegistry registry;

	TraceStarts(ObjectProvider<ObservationRegistry> registries) {
		this.registries = registries;
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (context instanceof KafkaRecordReceiverContext received) {
			return carriesATrace(received.getRecord().headers());
		}
		if (context instanceof ServerRequestObservationContext request) {
			return !request.getCarrier().getRequestURI().startsWith(ACTUATOR);
		}
		if (SEND.equals(name)) {
			if (this.registry == null) {
				this.registry = this.registries.getObject();
			}
			return RecordSpans.inAnObservation(this.registry);
		}
		return true;
	}

	static boolean carriesATrace(Headers headers) {
		return TRACE_HEADERS.stream().anyMatch((header) -> headers.lastHeader(header) != null);
	}

}
