/**
 * What every part of the platform shares: its exception and the one way it waits for
 * something to be ready.
 */
package io.pizza.platform.system;
