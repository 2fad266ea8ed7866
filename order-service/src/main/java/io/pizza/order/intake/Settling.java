package io.pizza.order.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.pizza.order.config.OrderServiceProperties;
import io.pizza.order.orders.LogPosition;
import io.pizza.order.orders.Status;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles what became of each order sent, truthfully. An acknowledged send is
 * {@code PLACED}; a send the brokers refused outright is {@code NOT_PLACED}; a send the
 * producer gave up on after its retries is ambiguous (its record may be on the brokers,
 * its acknowledgement lost), so the order's partition is read to find out, again and
 * again while the brokers do not answer, and {@code NOT_PLACED} is said only of an order
 * not in the log. A claim no instance settled (its instance died, or paused past its
 * producer's delivery timeout) is settled the same way by any instance once every
 * producer has surely given up on it, and by its own instance started again soon after
 * the start.
 */
@Component
class Settling implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Settling.class);

	private static final Duration AGAIN = Duration.ofSeconds(5);

	private static final Duration PREDECESSORS_SENDS_SETTLED = Duration.ofSeconds(40);

	private final OrderSearch search;

	private final PlacementNotes notes;

	private final Notes known;

	private final Placements placements;

	private final OrderServiceProperties properties;

	private final Duration orphanedAfter;

	private final Clock clock = Clock.systemUTC();

	private final Instant started = this.clock.instant();

	private final ScheduledExecutorService searches = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "settling");
		thread.setDaemon(true);
		return thread;
	});

	Settling(OrderSearch search, PlacementNotes notes, Notes known, Placements placements,
			ProducerFactory<?, ?> producer, OrderServiceProperties properties) {
		this.search = search;
		this.notes = notes;
		this.known = known;
		this.placements = placements;
		this.properties = properties;
		// every producer has the last word on a send within its delivery timeout
		Object deliveryTimeout = producer.getConfigurationProperties().get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
		this.orphanedAfter = Duration.ofMillis(Long.parseLong(String.valueOf(deliveryTimeout)))
			.plus(Duration.ofMinutes(1));
	}

	/**
	 * The producer's last word on a send.
	 * @param placement the order sent
	 * @param stored where the brokers stored it, if they did
	 * @param failure why the producer gave up, if it did
	 */
	void sent(Placement placement, @Nullable LogPosition stored, @Nullable Throwable failure) {
		if (stored != null || !(failure instanceof RetriableException)) {
			settle(placement, stored, failure);
			return;
		}
		log.warn("[{}] order {}: the producer gave up after {} ms ({}): looking for it in the log", placement.by(),
				placement.order().orderId(), placement.age().toMillis(), failure.toString());
		this.searches.execute(() -> lookFor(placement, failure));
	}

	private void lookFor(Placement placement, Throwable failure) {
		try {
			settle(placement, this.search.find(placement.order()).orElse(null), failure);
		}
		catch (RuntimeException ex) {
			log.warn("[{}] order {} still pending: its partition could not be read ({}), again in {} s", placement.by(),
					placement.order().orderId(), ex.getMessage(), AGAIN.toSeconds());
			this.searches.schedule(() -> lookFor(placement, failure), AGAIN.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void settle(Placement placement, @Nullable LogPosition stored, @Nullable Throwable failure) {
		placement.settle(stored, failure, () -> this.notes
			.outcome(PlacementChanged.outcome(placement, this.properties.instanceId(), this.clock.instant(), stored)));
		if (placement.age().compareTo(this.properties.answerDeadline()) > 0) {
			// answered 202 already: say how it ended
			if (stored != null) {
				log.info("[{}] order {} placed after {} ms -> {}-{}", placement.by(), placement.order().orderId(),
						placement.age().toMillis(), this.properties.ordersTopic().name(), stored);
			}
			else {
				log.warn("[{}] order {} not placed: not in the log after the producer gave up ({})", placement.by(),
						placement.order().orderId(), String.valueOf(failure));
			}
		}
	}

	/**
	 * Settles the claims nobody settled and nobody sends any more: another instance's, or
	 * this one's before a restart; forgets what is no longer worth keeping.
	 */
	@Scheduled(fixedDelay = 10, timeUnit = TimeUnit.SECONDS)
	void orphans() {
		Instant now = this.clock.instant();
		for (PlacementChanged claim : this.known.pending()) {
			if (!orphaned(claim, now) || claim.order() == null
					|| this.placements.find(claim.orderId())
						.filter((own) -> own.status() == Status.PENDING)
						.isPresent()) {
				continue;
			}
			try {
				Optional<LogPosition> stored = this.search.find(claim.order());
				log.info("[{}] order {} claimed by {} at {} and never settled: {}", this.properties.instanceId(),
						claim.orderId(), claim.by(), claim.at(),
						stored.map((where) -> "found in the log at " + where).orElse("not in the log"));
				this.notes.outcome(claim.settled(this.properties.instanceId(), now, stored.orElse(null)));
			}
			catch (RuntimeException ex) {
				log.warn("[{}] order {} not settled yet: {}", this.properties.instanceId(), claim.orderId(),
						ex.getMessage());
			}
		}
		this.known.forget(now.minus(this.properties.placementsTopic().retention()),
				now.minus(this.properties.placementsKept()));
	}

	// every producer has given up on a claim after its delivery timeout; a claim made in
	// this instance's name before it started is its predecessor's, whose producer died
	// with it: what it sent had reached a leader before this start, and is in the log
	// once the followers had the time to fetch it (replica.lag.time.max.ms, 30 s), or
	// never is
	private boolean orphaned(PlacementChanged claim, Instant now) {
		if (claim.at().isBefore(now.minus(this.orphanedAfter))) {
			return true;
		}
		return claim.by().equals(this.properties.instanceId()) && claim.at().isBefore(this.started)
				&& now.isAfter(this.started.plus(PREDECESSORS_SENDS_SETTLED));
	}

	@Override
	public void destroy() {
		this.searches.shutdownNow();
	}

}
