/**
 * The services: each started from its jar (and its class data sharing archive), and the
 * operations the platform asks of them, such as billing's rebuild.
 */
package io.pizza.platform.services;
