package io.pizza.order.intake;

import java.util.List;

import io.pizza.support.problems.FieldProblem;

/**
 * An order that is well formed but breaks the menu's rules: nothing was placed.
 */
class OrderRejected extends RuntimeException {

	private final List<FieldProblem> problems;

	OrderRejected(List<FieldProblem> problems) {
		super("The order breaks " + problems.size() + " rule(s) of the menu");
		this.problems = List.copyOf(problems);
	}

	List<FieldProblem> problems() {
		return this.problems;
	}

}
