package io.pizza.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pizza.platform.secure.HttpLogins;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Rebuilds billing from scratch: stops billing-service, empties its tables, deletes its
 * consumer group (so that, reading from the earliest offset, it starts over), starts it
 * again and waits until it has billed the whole orders topic once more.
 */
public final class BillingRebuild {

	private static final String GROUP = "billing";

	private static final String TOPIC = "pizza-orders";

	private static final Pattern TOTALS = Pattern.compile("\"bills\":(\\d+),\"revenue\":([0-9.]+)");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Platform platform;

	private final Consumer<String> progress;

	public BillingRebuild(Platform platform, Consumer<String> progress) {
		this.platform = platform;
		this.progress = progress;
	}

	/**
	 * Rebuilds billing and compares its totals before and after.
	 * @param timeout how long billing may take to catch up
	 * @return the totals before (when billing ran) and after
	 */
	public Result run(Duration timeout) {
		Instance billing = this.platform.settings().instance("billing-service").orElseThrow();
		Optional<Totals> before = totals(billing,
				this.platform.settings().httpLogins().authorization(HttpLogins.ADMIN));
		before.ifPresent((totals) -> this.progress.accept("Before: " + totals));
		this.platform.kill(billing, false);
		this.progress.accept("billing-service stopped");
		emptyTables();
		this.progress.accept("Tables emptied: bills, shop_totals");
		deleteGroup();
		this.progress.accept("Consumer group '" + GROUP + "' deleted: billing reads " + TOPIC + " from the start");
		this.platform.start(billing);
		awaitCaughtUp(timeout);
		Totals after = totals(billing, this.platform.settings().httpLogins().authorization(HttpLogins.ADMIN))
			.orElseThrow(() -> new PlatformException("billing-service does not answer"));
		this.progress.accept("After:  " + after);
		return new Result(before, after);
	}

	private void emptyTables() {
		String url = "jdbc:postgresql://localhost:" + this.platform.settings().postgresPort() + "/billing";
		String role = "billing-service";
		try (Connection connection = DriverManager.getConnection(url, role,
				this.platform.settings().databaseLogins().password(role));
				Statement statement = connection.createStatement()) {
			statement.execute("TRUNCATE bills, shop_totals CASCADE");
		}
		catch (SQLException ex) {
			throw new PlatformException("Could not empty billing's tables: " + ex.getMessage(), ex);
		}
	}

	private void deleteGroup() {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		try (Admin admin = this.platform.kafka().admin()) {
			while (true) {
				try {
					admin.deleteConsumerGroups(List.of(GROUP)).all().get();
					return;
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof GroupIdNotFoundException) {
						return;
					}
					// the stopped member's leaving may not have reached the coordinator
					// yet
					if (!(ex.getCause() instanceof GroupNotEmptyException) || System.nanoTime() > deadline) {
						throw new PlatformException("Could not delete group " + GROUP + ": " + ex.getCause(), ex);
					}
				}
				Processes.pause(Duration.ofMillis(500));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	private void awaitCaughtUp(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (Admin admin = this.platform.kafka().admin()) {
			long lag;
			while ((lag = GroupLag.of(admin, GROUP, TOPIC)) > 0) {
				if (System.nanoTime() > deadline) {
					throw new PlatformException(
							"billing-service has " + lag + " orders left to bill after " + timeout.toSeconds() + " s");
				}
				Processes.pause(Duration.ofMillis(500));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new PlatformException("Could not read the offsets of group " + GROUP + ": " + ex.getCause(), ex);
		}
	}

	private static Optional<Totals> totals(Instance billing, String authorization) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + billing.port() + "/bills/summary"))
			.header("Authorization", authorization)
			.timeout(Duration.ofSeconds(5))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher totals = TOTALS.matcher(response.body());
			return (response.statusCode() == 200 && totals.find())
					? Optional.of(new Totals(Long.parseLong(totals.group(1)), totals.group(2))) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/**
	 * Billing's totals.
	 *
	 * @param bills how many orders are billed
	 * @param revenue their sum, in EUR
	 */
	public record Totals(long bills, String revenue) {

		@Override
		public String toString() {
			return this.bills + " bills, EUR " + this.revenue;
		}

	}

	/**
	 * The totals before and after a rebuild.
	 *
	 * @param before before, when billing ran
	 * @param after after it caught up again
	 */
	public record Result(Optional<Totals> before, Totals after) {

		public boolean same() {
			return this.before.map(this.after::equals).orElse(true);
		}

	}

}
