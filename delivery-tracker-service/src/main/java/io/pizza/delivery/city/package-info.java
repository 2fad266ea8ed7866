/**
 * The city on the map: where shops and customers are.
 */
package io.pizza.delivery.city;
