package io.pizza.platform.traces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trace as a tree of lines for the terminal: each span under its parent, in the order
 * they began, with when it began (from the trace's start), how long it took, its service
 * and what it was, and for a Kafka hop the record it handled
 * ({@code topic-partition@offset}) and the instance that read it. A span whose parent is
 * not in the trace (not kept, or not sent yet) stands at the top.
 */
public final class TraceTree {

	private static final String ROW = "%10s %9s  %-26s %s%n";

	private TraceTree() {
	}

	/**
	 * The lines of a trace, a heading first.
	 * @param spans the trace's spans
	 * @return the lines
	 */
	public static List<String> lines(List<Span> spans) {
		Map<String, List<Span>> children = new HashMap<>();
		Set<String> ids = new HashSet<>();
		spans.forEach((span) -> ids.add(span.id()));
		List<Span> roots = new ArrayList<>();
		for (Span span : spans) {
			if (span.parentId() != null && ids.contains(span.parentId())) {
				children.computeIfAbsent(span.parentId(), (id) -> new ArrayList<>()).add(span);
			}
			else {
				roots.add(span);
			}
		}
		long start = spans.stream().mapToLong(Span::startMicros).min().orElse(0);
		List<String> lines = new ArrayList<>();
		lines.add(ROW.formatted("AT", "TOOK", "SERVICE", "SPAN").stripTrailing());
		roots.sort(Comparator.comparingLong(Span::startMicros));
		roots.forEach((root) -> add(root, 0, start, children, lines));
		return lines;
	}

	private static void add(Span span, int depth, long start, Map<String, List<Span>> children, List<String> lines) {
		StringBuilder what = new StringBuilder("  ".repeat(depth)).append(span.name());
		if (span.record() != null) {
			what.append("  ").append(span.record());
		}
		if (span.instance() != null) {
			what.append("  [").append(span.instance()).append(']');
		}
		lines.add(ROW
			.formatted("+" + millis(span.startMicros() - start), millis(span.durationMicros()), span.service(), what)
			.stripTrailing());
		List<Span> below = new ArrayList<>(children.getOrDefault(span.id(), List.of()));
		below.sort(Comparator.comparingLong(Span::startMicros));
		below.forEach((child) -> add(child, depth + 1, start, children, lines));
	}

	private static String millis(long micros) {
		return (micros >= 10_000_000) ? String.format("%.1f s", micros / 1e6) : String.format("%.1f ms", micros / 1e3);
	}

}
