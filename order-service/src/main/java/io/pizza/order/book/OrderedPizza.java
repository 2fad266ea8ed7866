package io.pizza.order.book;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

/**
 * A pizza of an order, as kept in the database.
 */
@Embeddable
class OrderedPizza {

	@Column(nullable = false)
	private String name;

	@Convert(converter = ToppingsConverter.class)
	@Column(nullable = false)
	private List<String> toppings;

	protected OrderedPizza() {
	}

	OrderedPizza(String name, List<String> toppings) {
		this.name = name;
		this.toppings = List.copyOf(toppings);
	}

	String getName() {
		return this.name;
	}

	List<String> getToppings() {
		return this.toppings;
	}

}
