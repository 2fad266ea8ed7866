package io.pizza.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Properties;
import java.util.function.Consumer;

import io.pizza.platform.Platform;
import io.pizza.platform.settings.Modes;
import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;

/**
 * The intake and end to end in both modes (TLS with client certificates and ACLs, or
 * none), each measured the same way just after the whole platform started in it, with
 * makers that bake in no time: {@code down}, {@code up} in the other mode, measure,
 * {@code down}, {@code up} as it was, measure; then the makers as they were.
 */
final class ModesComparison {

	private final Platform platform;

	private final BenchSteps steps;

	private final HttpClient http;

	private final Consumer<String> progress;

	ModesComparison(Platform platform, BenchSteps steps, HttpClient http, Consumer<String> progress) {
		this.platform = platform;
		this.steps = steps;
		this.http = http;
		this.progress = progress;
	}

	BenchReport.Modes measure(URI orderService, BenchOptions options, double endToEndRate) {
		boolean secure = this.platform.settings().modes().secure();
		Platform first = new Platform(this.platform.settings().with(settingsIn(secure)), this.progress);
		Platform other = new Platform(this.platform.settings().with(settingsIn(!secure)), this.progress);
		this.progress.accept("modes: the platform down, then up in " + mode(!secure) + " mode");
		this.platform.down();
		try {
			BenchReport.ModeRun otherRun;
			try {
				otherRun = measureAfterStart(other, orderService, options, endToEndRate);
			}
			finally {
				this.progress.accept("modes: the platform down, then up in " + mode(secure) + " mode again");
				other.down();
				first.up();
			}
			return new BenchReport.Modes(measureAfterStart(first, orderService, options, endToEndRate), otherRun);
		}
		finally {
			this.steps.restoreMakers(this.platform);
		}
	}

	private BenchReport.ModeRun measureAfterStart(Platform platform, URI orderService, BenchOptions options,
			double endToEndRate) {
		platform.up();
		String mode = mode(platform.settings().modes().secure());
		try (Admin admin = platform.kafka().admin()) {
			FakeOrders orders = new FakeOrders(Menu.of(orderService, this.http), options.seed());
			IntakeRamp ramp = new IntakeRamp(orderService, this.http, orders);
			ramp.warmUp(options.firstIntakeRate(), options.intakeStep(), this.progress);
			this.steps.awaitCaughtUp(admin);
			Intake intake = this.steps.intake(platform, orderService, orders, ramp, options);
			this.steps.awaitCaughtUp(admin);
			LoadReport endToEnd = this.steps.endToEnd(platform, "end to end, " + mode + " mode", endToEndRate, options);
			this.steps.awaitCaughtUp(admin);
			return new BenchReport.ModeRun(mode, intake, endToEnd);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	static String mode(boolean secure) {
		return secure ? Modes.SECURE : Modes.PLAINTEXT;
	}

	private static Properties settingsIn(boolean secure) {
		Properties settings = BenchSteps.fastMakers();
		settings.setProperty("mode", mode(secure));
		return settings;
	}

}
