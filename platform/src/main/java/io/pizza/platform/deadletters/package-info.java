/**
 * The dead-letter topics: what lies in them and why, and sending it back to where it came
 * from once the cause is fixed.
 */
package io.pizza.platform.deadletters;
