/**
 * What the service's entities share.
 */
package io.pizza.order.persistence;
