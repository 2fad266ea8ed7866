/**
 * The page's data, once or streamed.
 */
package io.pizza.dashboard.web;
