package io.pizza.delivery.tracking;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Server-Sent Events streams this instance serves: one order's positions, or every
 * order's (the map's). A stream gets what is known first, then each position as the
 * instance reads it from Kafka; an order's stream ends when the order is delivered. Every
 * stream gets a comment line each {@code streams.heartbeat}, so that a client gone away
 * is noticed and forgotten even when no position comes for it. Streams are written off
 * the consumer's thread ({@link ClientStream}), and bounded ({@link StreamQuota}).
 */
@Component
class LiveFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

	private final DeliveryTrackerProperties.Streams limits;

	private final ExecutorService senders;

	/** Guarded by this, as the rest. */
	private final Map<UUID, Set<ClientStream>> byOrder = new HashMap<>();

	private final Set<ClientStream> everything = new LinkedHashSet<>();

	private final StreamQuota quota;

	private final String instance;

	private volatile boolean running;

	LiveFeed(DeliveryTrackerProperties properties) {
		this.limits = properties.streams();
		this.instance = properties.instanceId();
		this.quota = new StreamQuota(this.limits);
		this.senders = Executors.newFixedThreadPool(this.limits.senders(), (task) -> {
			Thread thread = new Thread(task, "sse-sender");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * A stream of one order's positions.
	 * @param known its latest position, when there is one
	 * @param client who asks
	 * @return the stream
	 * @throws TooManyStreams past this instance's or this client's limit
	 */
	synchronized SseEmitter follow(UUID orderId, List<PositionView> known, Viewer client) {
		// an order nobody follows any more is forgotten: asking for ids that never come
		// must not grow the map
		ClientStream stream = open(client, (gone) -> unfollow(orderId, gone));
		this.byOrder.computeIfAbsent(orderId, (id) -> new LinkedHashSet<>()).add(stream);
		for (PositionView position : known) {
			stream.position(position);
			if (position.delivered()) {
				stream.end();
			}
		}
		return stream.emitter();
	}

	/**
	 * A stream of every order's positions.
	 * @param known the latest position of each order on its way
	 * @param client who asks
	 * @return the stream
	 * @throws TooManyStreams past this instance's or this client's limit
	 */
	synchronized SseEmitter followAll(List<PositionView> known, Viewer client) {
		ClientStream stream = open(client, this.everything::remove);
		this.everything.add(stream);
		known.forEach(stream::position);
		return stream.emitter();
	}

	/** Whether an order has a stream open. */
	synchronized boolean follows(UUID orderId) {
		return this.byOrder.containsKey(orderId);
	}

	/** How many streams are open. */
	synchronized int streamsOpen() {
		return this.quota.open();
	}

	/**
	 * Sends a position to everyone following its order or everything.
	 */
	synchronized void publish(PositionView position) {
		for (ClientStream stream : List.copyOf(this.byOrder.getOrDefault(position.orderId(), Set.of()))) {
			if (stream.position(position) && position.delivered()) {
				stream.end();
			}
		}
		List.copyOf(this.everything).forEach((stream) -> stream.position(position));
	}

	private ClientStream open(Viewer client, Consumer<ClientStream> forget) {
		this.quota.take(client);
		SseEmitter emitter = new SseEmitter(this.limits.timeout().toMillis());
		ClientStream stream = new ClientStream(emitter, client, this.limits.queued(), this.senders,
				(ended) -> closed(ended, forget));
		Runnable gone = () -> closed(stream, forget);
		emitter.onCompletion(gone);
		emitter.onTimeout(gone);
		emitter.onError((ex) -> gone.run());
		// a first line, so that the response's headers go out at once and the client
		// knows the stream is open before any position arrives; and how soon to reconnect
		stream.open(this.limits.reconnect().toMillis());
		return stream;
	}

	// once per stream, whichever way it ends
	private synchronized void closed(ClientStream stream, Consumer<ClientStream> forget) {
		if (!stream.forgetOnce()) {
			return;
		}
		forget.accept(stream);
		if (stream.droppedAsTooSlow()) {
			log.info("[{}] a stream of {} dropped: its client fell {} events behind", this.instance, stream.client(),
					this.limits.queued());
		}
		this.quota.giveBack(stream.client());
	}

	private synchronized void unfollow(UUID orderId, ClientStream stream) {
		Set<ClientStream> followers = this.byOrder.get(orderId);
		if (followers != null && followers.remove(stream) && followers.isEmpty()) {
			this.byOrder.remove(orderId);
		}
	}

	@Scheduled(fixedDelayString = "${delivery-tracker-service.streams.heartbeat}")
	synchronized void beat() {
		this.everything.forEach((stream) -> stream.comment("heartbeat"));
		this.byOrder.values().forEach((followers) -> followers.forEach((stream) -> stream.comment("heartbeat")));
	}

	/**
	 * Ends every stream as the instance begins to shut down, before the web server waits
	 * for open requests to finish: a stream never finishes by itself, and its client
	 * reconnects, to another instance when there is one.
	 */
	@Override
	public synchronized void stop() {
		this.running = false;
		this.everything.forEach(ClientStream::end);
		this.byOrder.values().forEach((followers) -> followers.forEach(ClientStream::end));
		this.senders.shutdown();
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
