/**
 * Real Kafka and PostgreSQL for integration tests: containers when Docker runs, embedded
 * servers when it does not.
 */
package io.pizza.testing;
