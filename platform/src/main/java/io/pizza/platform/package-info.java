/**
 * The local platform: a real 3-node KRaft cluster, PostgreSQL, Kafka Connect and every
 * service instance, each its own process, driven by the {@code ./pizza} command.
 * {@link io.pizza.platform.Platform} brings the parts together; each part is a package of
 * its own: {@code process}, {@code settings}, {@code kafka}, {@code postgres},
 * {@code connect}, {@code services}, {@code secure}, {@code deadletters}; the command
 * line is {@code cli}, the load generator and the benchmark {@code load}.
 */
package io.pizza.platform;
