package io.pizza.platform.settings;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The modes the platform runs in (TLS and ACLs, its own network, the makers' kitchen,
 * tracing): each as its setting says, else as {@code up} last recorded, else the usual
 * one.
 */
public final class Modes {

	/** The mode of TLS with client certificates and ACLs. */
	public static final String SECURE = RecordedChoice.MODE.other();

	/** The mode without TLS or ACLs. */
	public static final String PLAINTEXT = RecordedChoice.MODE.usual();

	/** The {@code network} setting of a platform on a network of its own. */
	public static final String OWN_NETWORK = RecordedChoice.NETWORK.other();

	/** The {@code network} setting of a platform on this machine's loopback. */
	public static final String LOOPBACK = RecordedChoice.NETWORK.usual();

	/** The makers as a share group ({@code up --kitchen=queue}). */
	public static final String QUEUE = RecordedChoice.KITCHEN.other();

	/** The makers as a consumer group, the usual kitchen. */
	public static final String GROUP = RecordedChoice.KITCHEN.usual();

	/** Every order traced, to the platform's Zipkin server: the usual. */
	public static final String TRACING_ON = RecordedChoice.TRACING.usual();

	/** No span, no trace id, no Zipkin server ({@code up --tracing=off}). */
	public static final String TRACING_OFF = RecordedChoice.TRACING.other();

	private final Properties properties;

	private final Path stateDir;

	Modes(Properties properties, Path stateDir) {
		this.properties = properties;
		this.stateDir = stateDir;
	}

	/**
	 * Whether the platform runs in secure mode (TLS with client certificates, ACLs).
	 * @return whether it does
	 */
	public boolean secure() {
		return RecordedChoice.MODE.isOther(this.properties.getProperty("mode"), this.stateDir);
	}

	/**
	 * Whether the platform runs on a network of its own ({@code up --network}): each part
	 * in a network namespace, on a bridge.
	 * @return whether it does
	 */
	public boolean ownNetwork() {
		return RecordedChoice.NETWORK.isOther(this.properties.getProperty("network"), this.stateDir);
	}

	/**
	 * Whether the makers run as a share group ({@code up --kitchen=queue}).
	 * @return whether they do
	 */
	public boolean queueKitchen() {
		return RecordedChoice.KITCHEN.isOther(this.properties.getProperty("kitchen"), this.stateDir);
	}

	/**
	 * Whether the services trace orders to the platform's Zipkin server, as they usually
	 * do.
	 * @return whether they do
	 */
	public boolean tracing() {
		return !RecordedChoice.TRACING.isOther(this.properties.getProperty("tracing"), this.stateDir);
	}

	/**
	 * Whether {@code up} last started the services tracing, if it did start them.
	 * @return whether they trace
	 */
	public Optional<Boolean> recordedTracing() {
		return RecordedChoice.TRACING.recorded(this.stateDir).map(TRACING_ON::equals);
	}

	/**
	 * The kitchen {@code up} last started the makers as.
	 * @return {@code queue} or {@code group}, if it ever ran
	 */
	public Optional<String> recordedKitchen() {
		return RecordedChoice.KITCHEN.recorded(this.stateDir);
	}

	/**
	 * The network {@code up} last started the platform on.
	 * @return {@code own} or {@code loopback}, if it ever ran
	 */
	public Optional<String> recordedNetwork() {
		return RecordedChoice.NETWORK.recorded(this.stateDir);
	}

	/**
	 * The mode {@code up} last started the platform in.
	 * @return {@code secure} or {@code plaintext}, if it ever ran
	 */
	public Optional<String> recordedMode() {
		return RecordedChoice.MODE.recorded(this.stateDir);
	}

	/**
	 * Notes the mode, the network and the tracing the platform was started with, for the
	 * commands that follow.
	 */
	public void record() {
		RecordedChoice.MODE.record(this.stateDir, secure());
		RecordedChoice.NETWORK.record(this.stateDir, ownNetwork());
		RecordedChoice.TRACING.record(this.stateDir, !tracing());
	}

	/** Notes the kitchen the makers run as, once the orders are theirs. */
	public void recordKitchen() {
		RecordedChoice.KITCHEN.record(this.stateDir, queueKitchen());
	}

}
