/**
 * Where each order goes: its shop and its customer's address, read from the orders topic
 * and kept for a while, for the couriers, the map and each delivery's view.
 */
package io.pizza.delivery.destination;
