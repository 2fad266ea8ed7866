/**
 * What every service does the same way, written once: telling a database away from a bad
 * record, reading request bodies strictly.
 */
package io.pizza.support;
