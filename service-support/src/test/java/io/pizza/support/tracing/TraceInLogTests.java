package io.pizza.support.tracing;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record's trace named in the log for the lines written for it, and only for those.
 */
class TraceInLogTests {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	@AfterEach
	void clear() {
		MDC.clear();
	}

	@Test
	void namesTheRecordsTraceUntilClosed() {
		RecordHeaders headers = new RecordHeaders();
		headers.add("traceparent", ("00-" + TRACE + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.US_ASCII));
		try (TraceInLog named = TraceInLog.of(headers)) {
			assertThat(MDC.get("traceId")).isEqualTo(TRACE);
		}
		assertThat(MDC.get("traceId")).isNull();
	}

	@Test
	void aRecordWithoutATraceNamesNone() {
		try (TraceInLog named = TraceInLog.of(new RecordHeaders())) {
			assertThat(MDC.get("traceId")).isNull();
		}
		assertThat(TraceInLog.traceId("not a traceparent")).isNull();
	}

	@Test
	void withinASpanTheSpansTraceStays() {
		MDC.put("traceId", "the span's");
		try (TraceInLog named = TraceInLog.of(TraceInLog.traceparent(TRACE, "00f067aa0ba902b7"))) {
			assertThat(MDC.get("traceId")).isEqualTo("the span's");
		}
		assertThat(MDC.get("traceId")).isEqualTo("the span's");
	}

}
