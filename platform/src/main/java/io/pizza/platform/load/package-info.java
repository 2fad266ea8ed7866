/**
 * The load generator: fake orders at a steady rate, and what the system made of them.
 */
package io.pizza.platform.load;
