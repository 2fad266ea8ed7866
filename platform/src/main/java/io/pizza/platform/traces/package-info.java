/**
 * The platform's Zipkin server, which keeps every order's trace, and the reading of one
 * order's trace as a tree ({@code ./pizza trace}).
 */
package io.pizza.platform.traces;
