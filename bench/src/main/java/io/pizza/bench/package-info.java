/**
 * The load generator's and the benchmark's commands of {@code ./pizza}.
 */
package io.pizza.bench;
