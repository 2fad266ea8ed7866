/**
 * Tracking orders on their way to the customer.
 */
package io.pizza.delivery.tracking;
