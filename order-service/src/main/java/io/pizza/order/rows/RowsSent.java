package io.pizza.order.rows;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The orders whose rows were sent.
 */
interface RowsSent extends JpaRepository<RowSent, UUID> {

	@Query("select r.orderId from RowSent r where r.orderId in :orderIds")
	List<UUID> findSent(Collection<UUID> orderIds);

}
