package io.pizza.platform.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.pizza.platform.process.Processes;
import io.pizza.platform.process.Signals;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;

/**
 * The faults a user causes on the platform's own network, and their healing: a link cut
 * (a blackhole route to a part's address inside another part's namespace: its packets
 * there go nowhere, one way or both), a process paused ({@code SIGSTOP}) past its
 * session. What is paused is noted in the state folder, so that {@code heal}, from any
 * later command, lets it go on.
 */
public final class Faults {

	private final PlatformSettings settings;

	private final Processes processes;

	private final NetworkTopology network;

	public Faults(PlatformSettings settings, Processes processes) {
		this.settings = settings;
		this.processes = processes;
		this.network = NetworkTopology.of(settings);
	}

	/**
	 * Cuts the link between two parts, both ways.
	 * @param one a part
	 * @param other another
	 */
	public void cut(Instance one, Instance other) {
		cutOneWay(one, other);
		cutOneWay(other, one);
	}

	/**
	 * Cuts what one part sends to another; what the other sends still arrives.
	 * @param from the part whose packets are dropped
	 * @param to where they were going
	 */
	public void cutOneWay(Instance from, Instance to) {
		requireOwnNetwork();
		Ip.run("-n", this.network.namespace(from), "route", "replace", "blackhole", this.network.address(to) + "/32");
	}

	/**
	 * Pauses a part's process: it answers nothing, sends nothing, and its sessions
	 * expire.
	 */
	public void pause(Instance part) {
		ProcessHandle process = this.processes.running(part)
			.orElseThrow(() -> new PlatformException(part + " does not run"));
		Signals.signal(process, "STOP");
		List<String> paused = new ArrayList<>(paused());
		paused.add(part.name());
		write(paused);
	}

	/**
	 * Heals every fault: every link cut is joined again, every part paused goes on.
	 * @return what was healed, one line each
	 */
	public List<String> heal() {
		List<String> healed = new ArrayList<>();
		List<Instance> parts = new ArrayList<>(this.settings.instances());
		for (Instance part : parts) {
			String namespace = this.network.namespace(part);
			if (!this.network.namespaces().contains(namespace)) {
				continue;
			}
			String routes = Ip.run("-n", namespace, "route", "show", "type", "blackhole").strip();
			if (!routes.isEmpty()) {
				Ip.run("-n", namespace, "route", "flush", "type", "blackhole");
				List<String> cut = parts.stream()
					.filter((other) -> routes.contains(this.network.address(other) + " ")
							|| routes.endsWith(this.network.address(other)))
					.map(Instance::name)
					.toList();
				healed.add(part + " reaches " + String.join(", ", cut) + " again");
			}
		}
		for (String name : paused()) {
			Optional<Instance> part = this.settings.instance(name);
			part.flatMap(this.processes::running).ifPresent((process) -> {
				Signals.signal(process, "CONT");
				healed.add(name + " goes on (SIGCONT)");
			});
		}
		write(List.of());
		return healed;
	}

	private List<String> paused() {
		Path file = file();
		try {
			return Files.exists(file)
					? Arrays.stream(Files.readString(file).split("\n")).filter((line) -> !line.isBlank()).toList()
					: List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void write(List<String> paused) {
		try {
			Files.createDirectories(file().getParent());
			Files.writeString(file(), String.join("\n", paused));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path file() {
		return this.settings.stateDir().resolve("faults/paused");
	}

	private void requireOwnNetwork() {
		if (!this.network.own()) {
			throw new PlatformException("Links can be cut on the platform's own network alone: ./pizza down, then "
					+ "./pizza up --network");
		}
	}

}
