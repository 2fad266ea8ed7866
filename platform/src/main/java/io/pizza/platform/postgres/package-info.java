/**
 * PostgreSQL: started from the embedded binaries, a password for every login, and each
 * service's database owned by its role.
 */
package io.pizza.platform.postgres;
