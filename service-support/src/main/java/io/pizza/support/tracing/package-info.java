/**
 * One order, one trace: what may start a trace in every service, and a span for each
 * record a batch listener handles.
 */
package io.pizza.support.tracing;
