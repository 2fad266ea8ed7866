/**
 * The platform's own network, for {@code up --network}: each part in a network namespace
 * of its own on a bridge, the gateway that lets this machine's loopback reach them, and
 * the faults a user can cause on it and heal.
 */
package io.pizza.platform.network;
