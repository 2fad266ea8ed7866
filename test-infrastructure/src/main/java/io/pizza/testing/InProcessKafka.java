package io.pizza.testing;

import java.util.Map;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One KRaft node, broker and controller at once, in the test's JVM: Kafka's own test kit
 * at the clients' version, where Docker does not run. spring-kafka-test's embedded broker
 * is built against an older kit than the brokers' version and cannot start on it.
 */
public final class InProcessKafka implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(InProcessKafka.class);

	private final KafkaClusterTestKit cluster;

	private boolean closed;

	/**
	 * Formats and starts the node, and waits until it takes requests.
	 * @param config the broker's settings beside the test kit's own
	 * @throws Exception if it does not start
	 */
	public InProcessKafka(Map<String, String> config) throws Exception {
		// a node that fails (its folder deleted while the test's JVM shuts down) would
		// end that JVM, and the build's test run with it: it logs instead
		Exit.setExitProcedure((status, message) -> log.warn("Kafka asked to exit ({}): {}", status, message));
		Exit.setHaltProcedure((status, message) -> log.warn("Kafka asked to halt ({}): {}", status, message));
		KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(
				new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build());
		config.forEach(builder::setConfigProp);
		this.cluster = builder.build();
		this.cluster.format();
		this.cluster.startup();
		this.cluster.waitForReadyBrokers();
	}

	public String bootstrapServers() {
		return this.cluster.bootstrapServers();
	}

	/** Stops the node and deletes its logs; a second call does nothing. */
	@Override
	public synchronized void close() throws Exception {
		if (!this.closed) {
			this.closed = true;
			this.cluster.close();
		}
	}

}
