/**
 * The billing service: its own consumer group on the orders topic, bills in PostgreSQL.
 */
package io.pizza.billing;
