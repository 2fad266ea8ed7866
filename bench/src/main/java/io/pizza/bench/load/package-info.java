/**
 * The load generator (fake orders at a steady rate, and what the system made of them) and
 * the benchmark.
 */
package io.pizza.bench.load;
