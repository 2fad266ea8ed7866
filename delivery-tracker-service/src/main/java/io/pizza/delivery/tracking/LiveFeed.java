package io.pizza.delivery.tracking;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Server-Sent Events streams this instance serves: one order's positions, or every
 * order's (the map's). A stream gets what is known first, then each position as the
 * instance reads it from Kafka; an order's stream ends when the order is delivered. Every
 * stream gets a comment line each {@code stream-heartbeat}, so that a client gone away is
 * noticed and forgotten even when no position comes for it.
 */
@Component
class LiveFeed implements SmartLifecycle {

	/**
	 * Browsers reconnect by themselves when a stream ends; this bounds a forgotten one.
	 */
	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

	private static final Duration RECONNECT = Duration.ofSeconds(1);

	private final Map<UUID, Set<SseEmitter>> byOrder = new ConcurrentHashMap<>();

	private final Set<SseEmitter> everything = new CopyOnWriteArraySet<>();

	private volatile boolean running;

	/**
	 * A stream of one order's positions.
	 * @param orderId the order
	 * @param known its latest position, when there is one
	 * @return the stream
	 */
	synchronized SseEmitter follow(UUID orderId, List<PositionView> known) {
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		Set<SseEmitter> followers = this.byOrder.computeIfAbsent(orderId, (id) -> new CopyOnWriteArraySet<>());
		followers.add(emitter);
		// an order nobody follows any more is forgotten: asking for ids that never come
		// must not grow the map
		Runnable forget = () -> unfollow(orderId, emitter);
		emitter.onCompletion(forget);
		emitter.onTimeout(forget);
		emitter.onError((ex) -> forget.run());
		open(emitter);
		for (PositionView position : known) {
			if (!send(emitter, position)) {
				break;
			}
			if (position.delivered()) {
				unfollow(orderId, emitter);
				emitter.complete();
			}
		}
		return emitter;
	}

	private void unfollow(UUID orderId, SseEmitter emitter) {
		this.byOrder.computeIfPresent(orderId, (id, followers) -> {
			followers.remove(emitter);
			return followers.isEmpty() ? null : followers;
		});
	}

	/**
	 * How many orders have a stream open.
	 * @return the orders followed
	 */
	int ordersFollowed() {
		return this.byOrder.size();
	}

	/**
	 * A stream of every order's positions.
	 * @param known the latest position of each order on its way
	 * @return the stream
	 */
	synchronized SseEmitter followAll(List<PositionView> known) {
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		this.everything.add(emitter);
		Runnable forget = () -> this.everything.remove(emitter);
		emitter.onCompletion(forget);
		emitter.onTimeout(forget);
		emitter.onError((ex) -> forget.run());
		open(emitter);
		known.forEach((position) -> send(emitter, position));
		return emitter;
	}

	/**
	 * Sends a position to everyone following its order or everything.
	 * @param position the position
	 */
	synchronized void publish(PositionView position) {
		Set<SseEmitter> followers = this.byOrder.getOrDefault(position.orderId(), Set.of());
		for (SseEmitter emitter : followers) {
			if (send(emitter, position) && position.delivered()) {
				emitter.complete();
			}
		}
		if (position.delivered()) {
			this.byOrder.remove(position.orderId());
		}
		this.everything.forEach((emitter) -> send(emitter, position));
	}

	/**
	 * Ends every stream as the instance begins to shut down, before the web server waits
	 * for open requests to finish: a stream never finishes by itself, and its client
	 * reconnects, to another instance when there is one.
	 */
	@Override
	public synchronized void stop() {
		this.running = false;
		this.everything.forEach(SseEmitter::complete);
		this.everything.clear();
		this.byOrder.values().forEach((followers) -> followers.forEach(SseEmitter::complete));
		this.byOrder.clear();
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Scheduled(fixedDelayString = "${delivery-tracker.stream-heartbeat}")
	synchronized void beat() {
		this.everything.forEach((emitter) -> comment(emitter, "heartbeat"));
		this.byOrder.forEach((orderId, followers) -> followers.forEach((emitter) -> {
			if (!comment(emitter, "heartbeat")) {
				unfollow(orderId, emitter);
			}
		}));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// a first line, so that the response's headers go out at once and the client knows
	// the stream is open before any position arrives; and how soon to reconnect
	private void open(SseEmitter emitter) {
		try {
			emitter.send(SseEmitter.event().comment("positions").reconnectTime(RECONNECT.toMillis()));
		}
		catch (IOException ex) {
			emitter.completeWithError(ex);
		}
	}

	private boolean comment(SseEmitter emitter, String comment) {
		try {
			emitter.send(SseEmitter.event().comment(comment));
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			emitter.completeWithError(ex);
			this.everything.remove(emitter);
			return false;
		}
	}

	private boolean send(SseEmitter emitter, PositionView position) {
		try {
			emitter.send(SseEmitter.event()
				.name(position.delivered() ? "delivered" : "position")
				.id(position.orderId() + "@" + position.at().toEpochMilli())
				.data(position, MediaType.APPLICATION_JSON));
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			// the client went away: its stream is done
			emitter.completeWithError(ex);
			this.everything.remove(emitter);
			unfollow(position.orderId(), emitter);
			return false;
		}
	}

}
