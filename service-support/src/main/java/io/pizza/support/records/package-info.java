/**
 * How every service's listeners read records: JSON bytes converted to the type each
 * listener takes, a batch listener's records each with its value or why it has none.
 */
package io.pizza.support.records;
