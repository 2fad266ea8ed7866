/**
 * The {@code ./pizza} command line.
 */
package io.pizza.platform.cli;
