/**
 * The pizza maker's settings and its consumer group wiring.
 */
package io.pizza.maker.config;
