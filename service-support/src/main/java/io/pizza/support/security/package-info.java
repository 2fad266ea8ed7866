/**
 * Who may use a service over HTTP, the same way in every service: users and their roles
 * from the service's secrets, HTTP Basic (and a login form for the pages people look at),
 * each service's own rules per endpoint, everything else denied, refusals answered as
 * problem details.
 */
package io.pizza.support.security;
