package io.pizza.maker.kitchen;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pizza.maker.config.PizzaMakerProperties;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /kitchen}: what this maker owns and does right now.
 */
@RestController
class KitchenController {

	private final Kitchen kitchen;

	private final KafkaListenerEndpointRegistry listeners;

	private final OvenQueue queue;

	private final PizzaMakerProperties properties;

	KitchenController(Kitchen kitchen, OvenQueue queue, KafkaListenerEndpointRegistry listeners,
			PizzaMakerProperties properties) {
		this.kitchen = kitchen;
		this.queue = queue;
		this.listeners = listeners;
		this.properties = properties;
	}

	@GetMapping("/kitchen")
	KitchenView kitchen() {
		MessageListenerContainer container = this.listeners.getListenerContainer(OrderPlacedListener.ID);
		Collection<TopicPartition> assigned = (container != null && container.getAssignedPartitions() != null)
				? container.getAssignedPartitions() : List.of();
		return new KitchenView(this.properties.instanceId(),
				assigned.stream()
					.sorted(Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition))
					.map(TopicPartition::toString)
					.toList(),
				this.kitchen.baked(),
				this.kitchen.inOvens()
					.entrySet()
					.stream()
					.sorted(Comparator.comparing((oven) -> oven.getKey().partition()))
					.map((oven) -> new CurrentOrder(oven.getKey().toString(), oven.getValue().orderId(),
							oven.getValue().shop(), oven.getValue().pizzas().size()))
					.toList(),
				this.queue.inHand(), this.queue.bakedBy());
	}

	/**
	 * What a maker owns and does.
	 *
	 * @param instance the maker
	 * @param partitions the partitions assigned to it
	 * @param ordersBaked how many orders it baked since it started
	 * @param inOvens the orders baking now, one oven per partition
	 * @param inHand as a share group: the order each maker holds, with its delivery count
	 * @param bakedBy as a share group: how many orders each maker baked
	 */
	record KitchenView(String instance, List<String> partitions, long ordersBaked, List<CurrentOrder> inOvens,
			List<OvenQueue.InHand> inHand, Map<String, Long> bakedBy) {
	}

	/**
	 * An order in an oven.
	 *
	 * @param partition the partition it came from
	 * @param orderId its id
	 * @param pizzas how many pizzas
	 */
	record CurrentOrder(String partition, UUID orderId, String shop, int pizzas) {
	}

}
