/**
 * Faults a user causes and watches ({@code ./pizza fault}), and a checker, after Jepsen:
 * a client's history of every order it meant, checked against the log and the read models
 * once a schedule of faults has run.
 */
package io.pizza.bench.faults;
