/**
 * Every service's errors as RFC 9457 problem details, in one shape.
 */
package io.pizza.support.problems;
