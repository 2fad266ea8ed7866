/**
 * Orders flowing into their partitions, and what the services say about themselves.
 */
package io.pizza.dashboard.flow;
