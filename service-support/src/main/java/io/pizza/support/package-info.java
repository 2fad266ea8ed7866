/**
 * What every service does the same way, written once: the settings it runs with unless it
 * says otherwise ({@link ServiceDefaults}); below, its HTTP edge ({@code web}), its Kafka
 * topics and retries ({@code kafka}), how it reads records, answers problems, checks
 * access and traces orders.
 */
package io.pizza.support;
