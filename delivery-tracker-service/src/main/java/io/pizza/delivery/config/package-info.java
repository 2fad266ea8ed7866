/**
 * The delivery tracker's settings.
 */
package io.pizza.delivery.config;
