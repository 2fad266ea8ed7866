package io.pizza.bench.load;

import java.util.Collection;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution: how many, and the 50th, 99th and 99.9th percentiles and the
 * maximum, in milliseconds.
 *
 * @param count how many were measured
 * @param p50 the median
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the slowest
 */
record Latencies(long count, double p50, double p99, double p999, double max) {

	static Latencies ofMicros(Collection<Long> micros) {
		Histogram histogram = new Histogram(3);
		micros.forEach((value) -> histogram.recordValue(Math.max(0, value)));
		if (histogram.getTotalCount() == 0) {
			return new Latencies(0, 0, 0, 0, 0);
		}
		return new Latencies(histogram.getTotalCount(), millis(histogram.getValueAtPercentile(50)),
				millis(histogram.getValueAtPercentile(99)), millis(histogram.getValueAtPercentile(99.9)),
				millis(histogram.getMaxValue()));
	}

	private static double millis(long micros) {
		return micros / 1000.0;
	}

	@Override
	public String toString() {
		return (this.count == 0) ? "none measured" : "p50 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms  (%d)"
			.formatted(this.p50, this.p99, this.p999, this.max, this.count);
	}

}
