/**
 * The secure mode: the platform's own CA and certificates, and who may do what in Kafka.
 */
package io.pizza.platform.secure;
