package io.pizza.platform.cli;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.pizza.platform.Platform;
import io.pizza.platform.traces.OrderTraces;
import io.pizza.platform.traces.Span;
import io.pizza.platform.traces.TraceTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza trace ORDER_ID}: an order's journey through the services, as its trace
 * holds it.
 */
@Command(name = "trace",
		description = "Print an order's trace as a tree: the POST, each Kafka hop (topic-partition@offset, the "
				+ "instance that read it), each service's work and each status on the way back, with when each "
				+ "began and how long it took; then the trace's page in Zipkin.")
class TraceCommand implements Callable<Integer> {

	@ParentCommand
	PizzaCli cli;

	@Parameters(paramLabel = "ORDER_ID", description = "The order's id, as POST /orders answered it.")
	UUID orderId;

	@Override
	public Integer call() {
		Platform platform = this.cli.platform();
		OrderTraces traces = new OrderTraces(platform.settings().zipkin());
		List<Span> spans = traces.find(this.orderId).orElse(null);
		if (spans == null) {
			System.out.println("No trace of order " + this.orderId + " (Zipkin keeps the last "
					+ platform.settings().zipkinMaxSpans() + " spans, of orders placed while tracing was on)");
			return 1;
		}
		String traceId = spans.get(0).traceId();
		System.out.println("Order " + this.orderId + ", trace " + traceId + ", " + spans.size() + " spans");
		System.out.println();
		TraceTree.lines(spans).forEach(System.out::println);
		System.out.println();
		System.out.println("In Zipkin: " + traces.page(traceId));
		return 0;
	}

}
