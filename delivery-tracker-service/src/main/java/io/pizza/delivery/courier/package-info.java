/**
 * Couriers: simulated ones riding from shop to customer, and real ones reporting their
 * positions over HTTP.
 */
package io.pizza.delivery.courier;
