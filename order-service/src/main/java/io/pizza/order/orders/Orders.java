package io.pizza.order.orders;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * All orders placed.
 */
interface Orders extends JpaRepository<PizzaOrder, UUID> {

	Optional<PizzaOrder> findByIdempotencyKey(String idempotencyKey);

	Page<PizzaOrder> findByShopOrderByPlacedAtDesc(String shop, Pageable pageable);

	Page<PizzaOrder> findAllByOrderByPlacedAtDesc(Pageable pageable);

}
