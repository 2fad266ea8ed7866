/**
 * The local platform: a real 3-node KRaft cluster, PostgreSQL and every service instance,
 * each its own process, driven by the {@code ./pizza} command.
 */
package io.pizza.platform;
