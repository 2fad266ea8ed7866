package io.pizza.delivery.config;

import java.time.Duration;

import io.pizza.support.kafka.Retry;
import io.pizza.support.kafka.TopicSettings;
import io.pizza.support.web.TakesRequestBodies;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the delivery tracker, under {@code delivery-tracker}.
 *
 * @param instanceId the name this instance logs and publishes as
 * @param statusTopic the topic of order status changes
 * @param ordersTopic the topic of placed orders (where each order goes)
 * @param positionsTopic the topic of couriers' positions
 * @param ordersLookBack how far back in the orders topic an instance reads when it starts
 * @param ordersKept how many of the most recent orders an instance keeps in memory
 * @param missingOrderAfter how long an order baked may wait for its destination to be
 * read before the orders topic is read again from its start to find it
 * @param deliveriesPerPartition how many orders a status partition hands to the couriers
 * at a time; past that, its reading pauses and its orders wait in the log
 * @param staleAfter a position older than this is flagged as stale
 * @param maxRequestSize the largest request body accepted (a courier's position)
 * @param streams the Server-Sent Events streams an instance serves
 * @param courier how simulated couriers move
 * @param postedPositions how positions couriers post are taken
 * @param listenerRetry how a listener takes a record that failed again
 * @param skipAfter how long a record that fails is tried before it is logged and skipped
 */
@Validated
@ConfigurationProperties("delivery-tracker-service")
public record DeliveryTrackerProperties(@NotBlank String instanceId, @NotBlank String statusTopic,
		@NotBlank String ordersTopic, @Valid @NotNull TopicSettings positionsTopic, @NotNull Duration ordersLookBack,
		@Min(1) int ordersKept, @NotNull Duration missingOrderAfter, @Min(1) int deliveriesPerPartition,
		@NotNull Duration staleAfter, @NotNull DataSize maxRequestSize, @Valid @NotNull Streams streams,
		@Valid @NotNull Courier courier, @Valid @NotNull PostedPositions postedPositions,
		@Valid @NotNull Retry listenerRetry, @NotNull Duration skipAfter) implements TakesRequestBodies {

	/**
	 * The Server-Sent Events streams an instance serves.
	 *
	 * @param heartbeat how often every stream gets a comment line: a client gone away is
	 * noticed only when something is written to it
	 * @param max how many streams an instance serves at most
	 * @param reserved how many of them only signed-in users (staff's map, couriers) may
	 * take: anonymous clients share the rest, and cannot crowd them out
	 * @param perClient how many streams one client (one address, or one user at one
	 * address) may have open
	 * @param queued how many events may wait for a client before it is dropped as too
	 * slow
	 * @param senders the threads that write to the clients
	 * @param timeout how long a stream lasts at most: browsers open a new one by
	 * themselves, this bounds one forgotten
	 * @param reconnect how long a browser waits before it opens a new stream, told to it
	 * as the stream's {@code retry}
	 */
	public record Streams(@NotNull Duration heartbeat, @Min(1) int max, @Min(0) int reserved, @Min(1) int perClient,
			@Min(1) int queued, @Min(1) int senders, @NotNull Duration timeout, @NotNull Duration reconnect) {
	}

	/**
	 * Simulated couriers.
	 *
	 * @param interval time between two positions of a courier
	 * @param trip how long a trip from the shop to the customer takes
	 * @param perShop how many couriers each shop has: an order baked while all are out
	 * waits for the first one back
	 */
	public record Courier(@NotNull Duration interval, @NotNull Duration trip, @Min(1) int perShop) {
	}

	/**
	 * Positions couriers post ({@code POST /couriers/{id}/positions}).
	 *
	 * @param answerDeadline the longest a post waits for the brokers' acknowledgement
	 * before it is answered as not taken
	 * @param clockSkew a position from further in the future than this is a clock gone
	 * wrong, and refused
	 */
	public record PostedPositions(@NotNull Duration answerDeadline, @NotNull Duration clockSkew) {
	}

}
