package io.pizza.order.intake;

import java.util.ArrayList;
import java.util.List;

import io.pizza.order.menu.Menu;
import io.pizza.order.orders.CustomerRules;
import io.pizza.support.problems.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * The rules an order must keep, as the talk's fake pizza producer keeps them: a shop,
 * pizzas and toppings from the menu, 1 to 10 pizzas, at most 5 extra toppings each (the
 * contract's largest order, {@code contracts/pizza-orders/order-limits.json}), and a
 * customer as {@link CustomerRules} has it.
 */
@Component
class OrderRules {

	static final int MAX_PIZZAS = 10;

	static final int MAX_TOPPINGS = 5;

	private final Menu menu;

	OrderRules(Menu menu) {
		this.menu = menu;
	}

	/**
	 * Checks an order.
	 * @param order a well-formed order
	 * @throws OrderRejected naming every rule broken
	 */
	void check(PlaceOrder order) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!this.menu.hasShop(order.shop())) {
			problems.add(new FieldProblem("shop", "'" + order.shop() + "' is not a shop on the menu (GET /menu)"));
		}
		CustomerRules.check(order.customer().name(), order.customer().phone(), order.customer().address(), problems);
		if (order.pizzas().isEmpty() || order.pizzas().size() > MAX_PIZZAS) {
			problems.add(
					new FieldProblem("pizzas", "must be 1 to " + MAX_PIZZAS + " pizzas, not " + order.pizzas().size()));
		}
		for (int i = 0; i < order.pizzas().size(); i++) {
			checkPizza("pizzas[" + i + "]", order.pizzas().get(i), problems);
		}
		if (!problems.isEmpty()) {
			throw new OrderRejected(problems);
		}
	}

	private void checkPizza(String path, PlaceOrder.Pizza pizza, List<FieldProblem> problems) {
		if (!this.menu.hasPizza(pizza.name())) {
			problems.add(new FieldProblem(path + ".name", "'" + pizza.name() + "' is not a pizza on the menu"));
		}
		if (pizza.toppings().size() > MAX_TOPPINGS) {
			problems.add(new FieldProblem(path + ".toppings",
					"at most " + MAX_TOPPINGS + " extra toppings, not " + pizza.toppings().size()));
		}
		for (int j = 0; j < pizza.toppings().size(); j++) {
			String topping = pizza.toppings().get(j);
			if (!this.menu.hasTopping(topping)) {
				problems.add(new FieldProblem(path + ".toppings[" + j + "]",
						"'" + topping + "' is not a topping on the menu"));
			}
		}
	}

}
