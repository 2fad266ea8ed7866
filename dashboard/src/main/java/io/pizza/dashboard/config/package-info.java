/**
 * The dashboard's settings.
 */
package io.pizza.dashboard.config;
