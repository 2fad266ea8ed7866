/**
 * {@code ./pizza plan}: what a load needs, from the bench's measured costs per order and
 * the system's own facts (docs/scaling.md).
 */
package io.pizza.bench.plan;
