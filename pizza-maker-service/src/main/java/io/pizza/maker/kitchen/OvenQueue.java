package io.pizza.maker.kitchen;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.TopicPartition;

import org.springframework.stereotype.Component;

/**
 * What this instance's makers of the share group hold and did: each maker's order in hand
 * with its delivery count, how many each baked, and the last offset baked of each shop,
 * by which a maker tells that it bakes a shop's order after a later one. Empty when the
 * makers are a consumer group.
 */
@Component
class OvenQueue {

	private final Map<String, InHand> inHand = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> bakedBy = new ConcurrentHashMap<>();

	private final Map<ShopOnPartition, Long> lastBaked = new ConcurrentHashMap<>();

	void took(String maker, String where, UUID orderId, int delivery) {
		this.inHand.put(maker, new InHand(maker, where, orderId, delivery, Instant.now()));
	}

	void done(String maker) {
		this.inHand.remove(maker);
	}

	/**
	 * Notes an order baked.
	 * @param maker who baked it
	 * @param partition its record's partition
	 * @param offset its record's offset
	 * @return a later offset of the same shop baked here before it, if one was
	 */
	OptionalLong baked(String maker, TopicPartition partition, long offset, String shop) {
		this.bakedBy.computeIfAbsent(maker, (name) -> new AtomicLong()).incrementAndGet();
		long[] later = { -1 };
		this.lastBaked.compute(new ShopOnPartition(shop, partition), (key, last) -> {
			if (last != null && last > offset) {
				later[0] = last;
				return last;
			}
			return offset;
		});
		return (later[0] >= 0) ? OptionalLong.of(later[0]) : OptionalLong.empty();
	}

	List<InHand> inHand() {
		return this.inHand.values().stream().sorted(Comparator.comparing(InHand::maker)).toList();
	}

	Map<String, Long> bakedBy() {
		Map<String, Long> counts = new TreeMap<>();
		this.bakedBy.forEach((maker, count) -> counts.put(maker, count.get()));
		return counts;
	}

	/**
	 * An order a maker holds: the brokers lock it for the maker until it is acknowledged
	 * or the lock ends.
	 *
	 * @param maker who holds it: the instance and its thread
	 * @param where its record, such as {@code pizza-orders-3@1042}
	 * @param delivery how many times the brokers delivered it, this time included
	 * @param since when the maker took it
	 */
	record InHand(String maker, String where, UUID orderId, int delivery, Instant since) {
	}

	private record ShopOnPartition(String shop, TopicPartition partition) {
	}

}
