package io.pizza.order.book;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * All orders on the orders topic, as the read model has them.
 */
interface Orders extends JpaRepository<PizzaOrder, UUID> {

	@Query("select o.orderId from PizzaOrder o where o.orderId in :orderIds")
	List<UUID> findKnown(Collection<UUID> orderIds);

	Page<PizzaOrder> findByShopOrderByPlacedAtDesc(String shop, Pageable pageable);

	Page<PizzaOrder> findAllByOrderByPlacedAtDesc(Pageable pageable);

}
