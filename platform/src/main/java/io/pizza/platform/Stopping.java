package io.pizza.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.pizza.platform.network.Gateways;
import io.pizza.platform.network.NetworkTopology;
import io.pizza.platform.postgres.Postgres;
import io.pizza.platform.process.ProcessState;
import io.pizza.platform.process.Processes;
import io.pizza.platform.process.Signals;
import io.pizza.platform.services.Services;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.Kind;
import io.pizza.platform.settings.PlatformSettings;

/**
 * Stopping instances: one by a signal, waited for and killed if it outstays its time, or
 * all of them in the order that lets each part shut down cleanly.
 */
final class Stopping {

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	// the services that write their class archives as they stop, all at once on two
	// cores, took 22 to 30 s
	private static final Duration ARCHIVING_STOP_TIMEOUT = Duration.ofMinutes(2);

	private final PlatformSettings settings;

	private final Processes processes;

	private final Gateways gateways;

	private final Consumer<String> progress;

	Stopping(PlatformSettings settings, Processes processes, Gateways gateways, Consumer<String> progress) {
		this.settings = settings;
		this.processes = processes;
		this.gateways = gateways;
		this.progress = progress;
	}

	/**
	 * Stops one instance: SIGTERM (for PostgreSQL its fast shutdown, SIGINT), or SIGKILL
	 * when {@code hard}. Waits until the process is gone.
	 * @param hard whether to kill it without letting it clean up
	 * @return whether it ran
	 */
	boolean kill(Instance instance, boolean hard) {
		return stop(instance, hard) != Stop.NOT_RUNNING;
	}

	private Stop stop(Instance instance, boolean hard) {
		Optional<ProcessHandle> process = this.processes.running(instance);
		if (process.isEmpty()) {
			return Stop.NOT_RUNNING;
		}
		boolean archiving = !hard && Services.archivesAtExit(process.get());
		List<ProcessHandle> all = new ArrayList<>();
		all.add(process.get());
		if (hard) {
			process.get().descendants().forEach(all::add);
			all.forEach((handle) -> Signals.signal(handle, "KILL"));
		}
		else if (instance.kind() == Kind.DATABASE) {
			Postgres.stopFast(process.get());
		}
		else {
			if (ProcessState.isPaused(process.get())) {
				// paused by ./pizza fault: it would hear nothing until it goes on
				Signals.signal(process.get(), "CONT");
			}
			Signals.signal(process.get(), "TERM");
		}
		Duration timeout = archiving ? ARCHIVING_STOP_TIMEOUT : STOP_TIMEOUT;
		if (!Signals.awaitExit(all, timeout)) {
			this.progress.accept(instance + " did not stop within " + timeout.toSeconds() + " s: killing it");
			all.forEach((handle) -> Signals.signal(handle, "KILL"));
			Signals.awaitExit(all, Duration.ofSeconds(5));
			return Stop.KILLED;
		}
		return archiving ? Stop.ARCHIVED : Stop.STOPPED;
	}

	/**
	 * Stops everything: the services, the Connect worker and Zipkin first, then
	 * PostgreSQL, then the brokers together, so that the KRaft quorum lives while they
	 * shut down.
	 */
	void down() {
		List<Instance> services = new ArrayList<>(this.settings.services());
		services.add(this.settings.connect());
		services.add(this.settings.zipkin());
		stopAll(services, false);
		List<Instance> extraMakers = new ArrayList<>();
		for (int n = 3; n < 10; n++) {
			this.settings.instance("pizza-maker-" + n).ifPresent(extraMakers::add);
		}
		stopAll(extraMakers, false);
		stopAll(List.of(this.settings.postgres()), false);
		stopAll(this.settings.brokers(), false);
		// the platform's own network goes too: every namespace, link and route it made
		if (this.gateways.stop()) {
			this.progress.accept("stopped the gateway to the platform's network");
		}
		List<String> removed = NetworkTopology.of(this.settings).remove();
		if (!removed.isEmpty()) {
			this.progress.accept("removed the network namespaces " + removed);
		}
		// and every fault with the processes it struck: nothing is left for heal
		try (Stream<Path> notes = Files.list(this.settings.stateDir().resolve("faults"))) {
			for (Path note : notes.toList()) {
				Files.delete(note);
			}
		}
		catch (IOException ex) {
			// no fault was noted
		}
	}

	private void stopAll(List<Instance> instances, boolean hard) {
		List<Thread> stops = new ArrayList<>();
		for (Instance instance : instances) {
			if (this.processes.running(instance).isPresent()) {
				Thread stop = new Thread(() -> {
					long started = System.nanoTime();
					Stop stopped = stop(instance, hard);
					this.progress
						.accept("stopped " + instance + " (" + (System.nanoTime() - started) / 1_000_000 + " ms"
								+ ((stopped == Stop.ARCHIVED) ? ", its classes archived for its next starts)" : ")"));
				}, "stop-" + instance.name());
				stop.start();
				stops.add(stop);
			}
		}
		for (Thread stop : stops) {
			try {
				stop.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private enum Stop {

		NOT_RUNNING, STOPPED, ARCHIVED, KILLED

	}

}
