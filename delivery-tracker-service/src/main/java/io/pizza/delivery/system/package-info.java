/**
 * What every part of the service shares: problem details at the HTTP edge.
 */
package io.pizza.delivery.system;
