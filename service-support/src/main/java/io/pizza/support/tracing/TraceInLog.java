package io.pizza.support.tracing;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The trace a record carries, named in the log lines written for it where no span is made
 * (a status a listener passes over, a courier's position): the lines of an order all end
 * with its trace id, its spans stay few. Closing it takes the name away again; within a
 * span, whose id the log has already, it does nothing.
 */
public final class TraceInLog implements AutoCloseable {

	/** The log's name for the trace id, as the tracer writes it. */
	static final String TRACE_ID = "traceId";

	/** W3C's header: {@code 00-<trace id>-<span id>-<flags>}. */
	public static final String TRACEPARENT = "traceparent";

	private final boolean named;

	private TraceInLog(boolean named) {
		this.named = named;
	}

	/**
	 * Names a record's trace in the log lines that follow, on this thread.
	 * @param headers the record's headers
	 * @return what takes the name away again
	 */
	public static TraceInLog of(Headers headers) {
		Header header = headers.lastHeader(TRACEPARENT);
		return of((header != null) ? new String(header.value(), StandardCharsets.US_ASCII) : null);
	}

	/**
	 * Names a trace in the log lines that follow, on this thread.
	 * @param traceparent the value of a record's {@code traceparent} header, if it has
	 * one
	 * @return what takes the name away again
	 */
	public static TraceInLog of(@Nullable String traceparent) {
		String traceId = traceId(traceparent);
		if (traceId == null || MDC.get(TRACE_ID) != null) {
			return new TraceInLog(false);
		}
		MDC.put(TRACE_ID, traceId);
		return new TraceInLog(true);
	}

	/**
	 * The trace a {@code traceparent} header names.
	 * @param traceparent the header's value, if there is one
	 * @return the trace's id, {@code null} without one
	 */
	public static @Nullable String traceId(@Nullable String traceparent) {
		String[] parts = (traceparent != null) ? traceparent.split("-") : new String[0];
		return (parts.length > 2) ? parts[1] : null;
	}

	/**
	 * The header that carries a trace, for a record sent outside any span.
	 * @param traceId the trace
	 * @param spanId the span the record is sent from
	 * @return the header's value
	 */
	public static String traceparent(String traceId, String spanId) {
		return "00-" + traceId + "-" + spanId + "-01";
	}

	@Override
	public void close() {
		if (this.named) {
			MDC.remove(TRACE_ID);
		}
	}

}
