package io.pizza.order.orders;

/**
 * Where an order lies in the orders topic.
 *
 * @param offset its offset in that partition
 */
public record LogPosition(int partition, long offset) {

	@Override
	public String toString() {
		return this.partition + "@" + this.offset;
	}

}
