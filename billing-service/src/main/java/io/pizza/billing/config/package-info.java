/**
 * The billing service's settings.
 */
package io.pizza.billing.config;
