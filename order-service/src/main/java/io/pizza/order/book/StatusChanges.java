package io.pizza.order.book;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Every step of every order's timeline.
 */
interface StatusChanges extends JpaRepository<StatusChange, StatusChange.Key> {

	@Query("select s from StatusChange s where s.key.orderId in :orderIds")
	List<StatusChange> findByOrderIds(Collection<UUID> orderIds);

}
