/**
 * The dashboard: the cluster and its consumers, live.
 */
package io.pizza.dashboard;
