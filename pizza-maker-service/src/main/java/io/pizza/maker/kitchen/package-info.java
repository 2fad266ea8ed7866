/**
 * The kitchen: orders taken from the maker's partitions and baked.
 */
package io.pizza.maker.kitchen;
