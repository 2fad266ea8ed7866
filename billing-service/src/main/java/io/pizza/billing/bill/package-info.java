/**
 * Bills: one per order placed, kept in PostgreSQL.
 */
package io.pizza.billing.bill;
