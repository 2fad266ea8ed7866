package io.pizza.order.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.pizza.support.problems.FieldProblem;

/**
 * What a customer's fields must be, as the read model's columns hold them: a name of 1 to
 * 100 characters, a phone number of 3 to 30 digits, spaces and {@code + ( ) - .}, an
 * address of 1 to 200 characters. Name and address are text alone (no control character,
 * which PostgreSQL cannot store or a log line would carry, and no half of a UTF-16 pair,
 * which no encoding keeps). The intake checks each request by them; the book skips an
 * order from the topic that breaks them, which something other than order-service wrote.
 */
public final class CustomerRules {

	static final int MAX_NAME = 100;

	static final int MAX_PHONE = 30;

	static final int MAX_ADDRESS = 200;

	private static final Pattern PHONE = Pattern.compile("[0-9+()\\-. ]{3," + MAX_PHONE + "}");

	private static final Pattern NOT_TEXT = Pattern.compile("[\\p{Cc}\\p{Cs}]");

	private CustomerRules() {
	}

	/**
	 * Adds a problem for each rule a customer's fields break.
	 * @param name the customer's name
	 * @param phone a phone number
	 * @param address where to deliver
	 * @param problems where the problems go, each named by its field
	 */
	public static void check(String name, String phone, String address, List<FieldProblem> problems) {
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

	/**
	 * Whether an order's customer keeps these rules.
	 * @param customer the customer of an order read from the orders topic
	 * @return false when a field is missing or breaks a rule
	 */
	public static boolean fit(OrderPlaced.Customer customer) {
		if (customer == null || customer.name() == null || customer.phone() == null || customer.address() == null) {
			return false;
		}
		List<FieldProblem> problems = new ArrayList<>();
		check(customer.name(), customer.phone(), customer.address(), problems);
		return problems.isEmpty();
	}

}
