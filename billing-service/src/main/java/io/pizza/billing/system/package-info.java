/**
 * What every part of the service shares: telling outages from bad records, problem
 * details at the HTTP edge.
 */
package io.pizza.billing.system;
