package io.pizza.order.intake;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.pizza.order.book.OrdersStored;
import io.pizza.order.config.OrderServiceProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The orders this instance placed lately, by id, until its read model has them: what a
 * client reads right after its {@code 201} or {@code 202}, and what a retry with the same
 * idempotency key finds while the first send is still going on. An order the read model
 * never takes over (one another instance stores, or one the producer gave up on) is
 * forgotten {@code placements-kept} after its send settled, or sooner once more than
 * {@value #MOST_SETTLED} are kept (a read model that lags, a database away): memory stays
 * bounded, and the read model answers for them once it has them.
 */
@Component
class Placements {

	/** How many settled placements are kept at most, whatever their age. */
	static final int MOST_SETTLED = 100_000;

	private final Map<UUID, Placement> byId = new ConcurrentHashMap<>();

	private final Duration kept;

	private final int mostSettled;

	@Autowired
	Placements(OrderServiceProperties properties) {
		this(properties.placementsKept(), MOST_SETTLED);
	}

	Placements(Duration kept, int mostSettled) {
		this.kept = kept;
		this.mostSettled = mostSettled;
	}

	/**
	 * Adds a placement, unless one with its order id is there already.
	 * @param placement the new placement
	 * @return the placement already there, if any
	 */
	Optional<Placement> addIfAbsent(Placement placement) {
		return Optional.ofNullable(this.byId.putIfAbsent(placement.order().orderId(), placement));
	}

	/**
	 * Puts a new placement in the place of one the producer gave up on.
	 * @param failed the placement that failed
	 * @param again the new one
	 * @return whether it replaced it (false: another request did first)
	 */
	boolean replace(Placement failed, Placement again) {
		return this.byId.replace(failed.order().orderId(), failed, again);
	}

	Optional<Placement> find(UUID orderId) {
		return Optional.ofNullable(this.byId.get(orderId));
	}

	void remove(Placement placement) {
		this.byId.remove(placement.order().orderId(), placement);
	}

	/**
	 * Forgets the orders the read model now has, once their sends have settled.
	 * @param stored orders stored in the read model
	 */
	@EventListener
	void stored(OrdersStored stored) {
		long now = System.nanoTime();
		for (UUID orderId : stored.orderIds()) {
			this.byId.computeIfPresent(orderId, (id, placement) -> placement.settledBefore(now) ? null : placement);
		}
	}

	@Scheduled(fixedDelay = 10, timeUnit = TimeUnit.SECONDS)
	void forgetSettled() {
		long now = System.nanoTime();
		long before = (this.byId.size() > this.mostSettled) ? now : now - this.kept.toNanos();
		this.byId.values().removeIf((placement) -> placement.settledBefore(before));
	}

	int size() {
		return this.byId.size();
	}

}
