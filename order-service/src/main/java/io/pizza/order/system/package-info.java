/**
 * What every endpoint shares: problem details for bad requests and the request size
 * limit.
 */
package io.pizza.order.system;
