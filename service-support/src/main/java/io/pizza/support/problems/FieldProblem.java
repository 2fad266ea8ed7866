package io.pizza.support.problems;

/**
 * What is wrong with one field of a request.
 *
 * @param field the field's path, such as {@code pizzas[0].toppings[1]}
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {

}
