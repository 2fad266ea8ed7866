/**
 * The platform's processes: each instance (a node, PostgreSQL, a service, the Connect
 * worker) as a detached process marked by its name, its pid file, its ports, and the
 * files written for it.
 */
package io.pizza.platform.process;
