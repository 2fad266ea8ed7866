/**
 * The menu: shops, pizzas and toppings with their prices.
 */
package io.pizza.order.menu;
