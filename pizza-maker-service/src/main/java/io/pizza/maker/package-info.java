/**
 * The pizza maker: one of the instances of the {@code pizza-makers} consumer group.
 */
package io.pizza.maker;
