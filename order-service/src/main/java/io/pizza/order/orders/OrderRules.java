package io.pizza.order.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.pizza.order.menu.Menu;
import io.pizza.support.problems.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * The rules an order must keep, as the talk's fake pizza producer keeps them: a shop,
 * pizzas and toppings from the menu, 1 to 10 pizzas, at most 5 extra toppings each, a
 * customer name of 1 to 100 characters, a phone number of 3 to 30 digits, spaces and
 * {@code + ( ) - .}, an address of 1 to 200 characters. Every limit fits the read model's
 * columns; name and address are text alone (no control character, which PostgreSQL cannot
 * store or a log line would carry, and no half of a UTF-16 pair, which no encoding
 * keeps).
 */
@Component
class OrderRules {

	static final int MAX_PIZZAS = 10;

	static final int MAX_TOPPINGS = 5;

	static final int MAX_NAME = 100;

	static final int MAX_PHONE = 30;

	static final int MAX_ADDRESS = 200;

	private static final Pattern PHONE = Pattern.compile("[0-9+()\\-. ]{3," + MAX_PHONE + "}");

	private static final Pattern NOT_TEXT = Pattern.compile("[\\p{Cc}\\p{Cs}]");

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
		checkCustomer(order.customer().name(), order.customer().phone(), order.customer().address(), problems);
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

	/**
	 * Whether an order read from the orders topic keeps the customer's rules, as every
	 * order this service places does: one written there by anything else may not.
	 * @param order an order from the topic
	 * @return whether its customer's fields fit
	 */
	static boolean customerFits(OrderPlaced order) {
		List<FieldProblem> problems = new ArrayList<>();
		OrderPlaced.Customer customer = order.customer();
		if (customer == null || customer.name() == null || customer.phone() == null || customer.address() == null) {
			return false;
		}
		checkCustomer(customer.name(), customer.phone(), customer.address(), problems);
		return problems.isEmpty();
	}

	private static void checkCustomer(String name, String phone, String address, List<FieldProblem> problems) {
		if (name.isBlank() || name.length() > MAX_NAME) {
			problems.add(new FieldProblem("customer.name", "must be 1 to " + MAX_NAME + " characters"));
		}
		else if (NOT_TEXT.matcher(name).find()) {
			problems.add(new FieldProblem("customer.name", "must be text, without control characters"));
		}
		if (!PHONE.matcher(phone).matches() || phone.chars().filter(Character::isDigit).count() < 3) {
			problems.add(new FieldProblem("customer.phone",
					"must be 3 to " + MAX_PHONE + " characters: digits (at least 3), spaces and + ( ) - ."));
		}
		if (address.isBlank() || address.length() > MAX_ADDRESS) {
			problems.add(new FieldProblem("customer.address", "must be 1 to " + MAX_ADDRESS + " characters"));
		}
		else if (NOT_TEXT.matcher(address).find()) {
			problems.add(new FieldProblem("customer.address", "must be text, without control characters"));
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
