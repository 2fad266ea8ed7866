package io.pizza.billing.bill;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * All bills, one per order id.
 */
interface Bills extends JpaRepository<Bill, UUID> {

}
