/**
 * The platform's settings: {@code pizza.properties} over the defaults, and from them
 * every instance, port, heap and folder.
 */
package io.pizza.platform.settings;
