/**
 * What every service does the same way, written once: telling a database away from a bad
 * record, reading request bodies strictly and no larger than a limit, answering the
 * servlet container's own errors as problem details, declaring the topics it owns and
 * taking a failed poll again, as its settings say.
 */
package io.pizza.support;
