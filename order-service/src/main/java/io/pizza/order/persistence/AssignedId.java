package io.pizza.order.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An entity whose id the service assigns (an order's id, not the database's): new until
 * it is persisted or loaded, so that Spring Data saves a new one with an insert, never
 * with a merge of a detached copy.
 *
 * @param <I> the id's type
 */
@MappedSuperclass
public abstract class AssignedId<I> implements Persistable<I> {

	@Transient
	private boolean isNew = true;

	@PostLoad
	@PostPersist
	void markNotNew() {
		this.isNew = false;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

}
