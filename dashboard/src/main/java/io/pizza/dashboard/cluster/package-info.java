/**
 * The cluster as Kafka's Admin API tells it: brokers, partitions, groups, lag and
 * rebalances.
 */
package io.pizza.dashboard.cluster;
