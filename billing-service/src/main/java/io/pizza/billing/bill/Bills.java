package io.pizza.billing.bill;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * All bills, one per order id.
 */
interface Bills extends JpaRepository<Bill, UUID> {

	@Query("select b.orderId from Bill b where b.orderId in :orderIds")
	List<UUID> findKnown(Collection<UUID> orderIds);

	Page<Bill> findByShopOrderByPlacedAtDesc(String shop, Pageable pageable);

	Page<Bill> findAllByOrderByPlacedAtDesc(Pageable pageable);

}
