package io.pizza.platform.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.pizza.platform.network.NetworkTopology;
import io.pizza.platform.process.CommandLines;
import io.pizza.platform.process.Processes;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;

/**
 * The Spring Boot services: each instance its own JVM with a bounded heap, started from
 * its module's extracted jar and class archive, told the rest through its
 * {@link ServiceEnvironment environment}.
 */
public final class Services {

	private final PlatformSettings settings;

	private final Processes processes;

	private final ExtractedJars jars;

	private final ClassDataSharing cds;

	private final ServiceEnvironment environment;

	public Services(PlatformSettings settings, Processes processes) {
		this.settings = settings;
		this.processes = processes;
		this.jars = new ExtractedJars(settings);
		this.cds = new ClassDataSharing(this.jars);
		this.environment = new ServiceEnvironment(settings);
	}

	/**
	 * Extracts the jars of the services' modules that are new builds, all at once, so
	 * that they start from their extracted jars, whose classes can be archived.
	 * @param services the instances about to start
	 * @return the modules whose jar could not be extracted: they start from their jars
	 */
	public List<String> prepare(List<Instance> services) {
		List<String> failed = new CopyOnWriteArrayList<>();
		List<Thread> extractions = new ArrayList<>();
		modules(services).forEach((module, service) -> {
			Thread extraction = new Thread(() -> {
				if (!this.jars.extract(module, jar(service))) {
					failed.add(module);
				}
			}, "extract-" + module);
			extraction.start();
			extractions.add(extraction);
		});
		for (Thread extraction : extractions) {
			try {
				extraction.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PlatformException("Interrupted", ex);
			}
		}
		return failed;
	}

	private static Map<String, Instance> modules(List<Instance> services) {
		Map<String, Instance> byModule = new LinkedHashMap<>();
		services.forEach((service) -> byModule.putIfAbsent(service.module(), service));
		return byModule;
	}

	/**
	 * Starts one service instance, from its class data sharing archive when there is one.
	 * @param service the instance
	 */
	public void start(Instance service) {
		start(service, Map.of());
	}

	/**
	 * Starts one service instance with some environment of its own on top of the
	 * platform's, such as another profile or setting for a benchmark.
	 * @param service the instance
	 * @param extraEnvironment variables that win over the platform's
	 */
	public void start(Instance service, Map<String, String> extraEnvironment) {
		Path jar = jar(service);
		if (!Files.isRegularFile(jar)) {
			throw new PlatformException(jar + " is missing: build the project first (./mvnw -DskipTests package)");
		}
		List<String> command = new ArrayList<>();
		command.add(CommandLines.java());
		List<String> jvmOptions = new ArrayList<>(service.heapOptions());
		jvmOptions.addAll(this.settings.launchOptions().jvmOptions(service));
		command.addAll(jvmOptions);
		command.add(CommandLines.MARKER + service.name());
		command.addAll(this.cds.launch(service.module(), service.name(), jar, jvmOptions));
		this.processes.start(service, NetworkTopology.of(this.settings).wrap(service, command),
				this.environment.of(service, extraEnvironment));
	}

	private Path jar(Instance service) {
		return this.settings.root().resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
	}

	/**
	 * Tells whether a service instance writes its module's class archive as it stops,
	 * which takes it longer, once per build.
	 * @param process the instance's process
	 * @return whether it does
	 */
	public static boolean archivesAtExit(ProcessHandle process) {
		return ClassDataSharing.archivesAtExit(process);
	}

}
