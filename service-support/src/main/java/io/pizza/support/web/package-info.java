/**
 * Every service's HTTP edge: request bodies read strictly and no larger than a limit, the
 * servlet container's own errors and a dependency away (the database, the brokers)
 * answered as problem details.
 */
package io.pizza.support.web;
