package io.pizza.platform.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.pizza.platform.process.CommandLines;
import io.pizza.platform.process.StateFiles;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;

/**
 * The nodes' storage: one cluster id for all, kept in the state folder, and each node's
 * data folder formatted by Kafka's own {@code StorageTool} the first time.
 */
final class NodeStorage {

	private final PlatformSettings settings;

	private final NodeConfig nodes;

	NodeStorage(PlatformSettings settings, NodeConfig nodes) {
		this.settings = settings;
		this.nodes = nodes;
	}

	/**
	 * Writes each node's configuration and formats the storage of nodes that have none,
	 * all at once.
	 */
	void formatWhereMissing() {
		String clusterId = clusterId();
		List<Process> formats = new ArrayList<>();
		for (Instance broker : this.settings.brokers()) {
			Path config = this.nodes.write(broker);
			if (!Files.exists(this.nodes.dataDir(broker).resolve("meta.properties"))) {
				formats.add(format(broker, clusterId, config));
			}
		}
		for (Process format : formats) {
			awaitSuccess(format, "formatting Kafka storage");
		}
	}

	private Process format(Instance broker, String clusterId, Path config) {
		try {
			Path log = StateFiles.privateLog(this.settings.stateDir(), this.settings.logFile(broker));
			return new ProcessBuilder(CommandLines.privately(List.of(CommandLines.java(),
					"-Dlog4j2.configurationFile=" + this.nodes.log4jConfig(), "-cp", this.settings.classpaths().kafka(),
					"kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString())))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new PlatformException("Could not format the storage of " + broker.name(), ex);
		}
	}

	private void awaitSuccess(Process process, String what) {
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new PlatformException(what + " failed: see " + this.settings.logsDir() + "/kafka-*.log");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	private String clusterId() {
		Path file = this.nodes.kafkaDir().resolve("cluster.id");
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				Files.writeString(file, randomClusterId());
			}
			return Files.readString(file).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A cluster id as {@code kafka-storage random-uuid} makes one: 16 random bytes in
	 * URL-safe base64 without padding, and, as Kafka's own, none that starts with
	 * {@code -}, which the storage tool would take for an option (one id in 64).
	 */
	static String randomClusterId() {
		String id;
		do {
			UUID uuid = UUID.randomUUID();
			ByteBuffer bytes = ByteBuffer.allocate(16);
			bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
			id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
		}
		while (id.startsWith("-"));
		return id;
	}

}
