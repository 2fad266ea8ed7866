package io.pizza.platform.services;

import java.io.IOException;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import io.pizza.platform.Platform;
import io.pizza.platform.secure.HttpLogins;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.PlatformException;
import io.pizza.platform.system.Polling;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks billing-service to bill every order again ({@code POST /bills/rebuild}, as the
 * admin: billing reads the orders topic from its start beside the bills in use, and swaps
 * the new bills in once done, keeping every other bill), follows it until it is done, and
 * compares billing's totals before and after. The platform knows nothing of billing's
 * tables or group.
 */
public final class BillingRebuild {

	private static final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

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
	 * @return the totals before and after
	 */
	public Result run(Duration timeout) {
		Totals before = totals()
			.orElseThrow(() -> new PlatformException("billing-service does not answer (is it up?)"));
		this.progress.accept("Before: " + before);
		JsonNode started = call("POST", "/bills/rebuild")
			.orElseThrow(() -> new PlatformException("billing-service could not start a rebuild"));
		this.progress.accept("Billing reads the orders topic from its start, beside the bills in use ("
				+ started.get("state").asString() + ")");
		JsonNode[] done = new JsonNode[1];
		Polling.until(timeout, Duration.ofMillis(500), () -> {
			done[0] = call("GET", "/bills/rebuild").orElse(null);
			if (done[0] != null && done[0].get("state").asString().equals("FAILED")) {
				throw new PlatformException(
						"The rebuild failed, the bills are as they were: " + done[0].get("failure").asString());
			}
			return done[0] != null && done[0].get("caughtUp").asBoolean();
		}, () -> "billing-service has not finished the rebuild after " + timeout.toSeconds() + " s");
		JsonNode kept = done[0].get("kept");
		this.progress
			.accept(done[0].get("rebuilt").asLong() + " orders billed again, " + done[0].get("changed").asLong()
					+ " bills changed; kept as they were: " + kept.get("goneFromTopic").asLong()
					+ " no longer in the topic, " + kept.get("billedMeanwhile").asLong() + " billed meanwhile, "
					+ kept.get("notBillable").asLong() + " not billable now");
		Totals after = totals().orElseThrow(() -> new PlatformException("billing-service does not answer"));
		this.progress.accept("After:  " + after);
		return new Result(before, after);
	}

	private Optional<Totals> totals() {
		return call("GET", "/bills/summary").map((summary) -> new Totals(summary.get("bills").asLong(),
				summary.get("revenue").decimalValue().setScale(2, RoundingMode.HALF_EVEN).toPlainString()));
	}

	private Optional<JsonNode> call(String method, String path) {
		Instance billing = this.platform.settings().instance("billing-service").orElseThrow();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + billing.port() + path))
			.header("Authorization", this.platform.settings().secrets().httpLogins().authorization(HttpLogins.ADMIN))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.timeout(Duration.ofSeconds(60))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() / 100 == 2) ? Optional.of(json.readTree(response.body())) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
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
	 * @param after after it caught up again
	 */
	public record Result(Totals before, Totals after) {

		public boolean same() {
			return this.before.equals(this.after);
		}

	}

}
