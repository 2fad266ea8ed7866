package io.pizza.platform;

import java.util.ArrayList;
import java.util.List;

import io.pizza.platform.network.Gateways;
import io.pizza.platform.network.NetworkTopology;
import io.pizza.platform.process.Ports;
import io.pizza.platform.process.Processes;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.Kind;
import io.pizza.platform.settings.Modes;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;

/**
 * What is checked before anything starts, so that a start fails at once and says why: the
 * Java version, the mode a running platform is in, the ports.
 */
final class Preflight {

	private final PlatformSettings settings;

	private final Processes processes;

	Preflight(PlatformSettings settings, Processes processes) {
		this.settings = settings;
		this.processes = processes;
	}

	/**
	 * A running platform changes mode only through {@code down}: its brokers, services
	 * and worker would not understand each other.
	 */
	void checkMode() {
		boolean running = this.settings.instances().stream().anyMatch((i) -> this.processes.running(i).isPresent());
		String wanted = this.settings.modes().secure() ? Modes.SECURE : Modes.PLAINTEXT;
		String recorded = this.settings.modes().recordedMode().orElse(Modes.PLAINTEXT);
		if (running && !recorded.equals(wanted)) {
			throw new PlatformException("The platform runs in " + recorded + " mode: ./pizza down first to start it in "
					+ wanted + " mode.");
		}
	}

	/**
	 * The platform's own network takes root, and runs in plaintext; a running platform
	 * moves to or from it only through {@code down}.
	 */
	void checkNetwork() {
		if (!this.settings.modes().ownNetwork()) {
			boolean running = this.settings.instances().stream().anyMatch((i) -> this.processes.running(i).isPresent());
			if (running && this.settings.modes().recordedNetwork().orElse(Modes.LOOPBACK).equals(Modes.OWN_NETWORK)) {
				throw new PlatformException("The platform runs on its own network: ./pizza down first.");
			}
			return;
		}
		NetworkTopology.whyNot().ifPresent((reason) -> {
			throw new PlatformException("--network cannot run here: " + reason
					+ ". Run ./pizza as root, or without --network (./pizza up --loopback).");
		});
		if (this.settings.modes().secure()) {
			throw new PlatformException("--network runs in plaintext: ./pizza up --network --plaintext");
		}
		boolean running = this.settings.instances().stream().anyMatch((i) -> this.processes.running(i).isPresent());
		if (running && !this.settings.modes().recordedNetwork().orElse(Modes.LOOPBACK).equals(Modes.OWN_NETWORK)) {
			throw new PlatformException("The platform runs on this machine's loopback: ./pizza down first.");
		}
	}

	List<Instance> notRunning(List<Instance> instances) {
		return instances.stream().filter((instance) -> this.processes.running(instance).isEmpty()).toList();
	}

	void checkPorts(List<Instance> instances) {
		if (this.settings.modes().ownNetwork() && this.processes.running(Gateways.HOST).isPresent()) {
			// the gateway listens on every part's port already
			return;
		}
		List<String> taken = new ArrayList<>();
		for (Instance instance : notRunning(instances)) {
			if (!Ports.isFree(instance.port())) {
				taken.add("port " + instance.port() + " (" + instance + ")");
			}
			if (instance.kind() == Kind.BROKER) {
				int controllerPort = this.settings.controllerPorts().get(instance.nodeId() - 1);
				if (!Ports.isFree(controllerPort)) {
					taken.add("port " + controllerPort + " (" + instance + " controller)");
				}
			}
		}
		if (!taken.isEmpty()) {
			throw new PlatformException("Already taken by another process: " + String.join(", ", taken)
					+ ". Stop that process, or choose other ports in " + PlatformSettings.FILE + ".");
		}
	}

	static void checkJava() {
		int feature = Runtime.version().feature();
		if (feature < 17) {
			throw new PlatformException("Java " + feature + " is too old: Java 17 or newer is needed.");
		}
	}

}
