package io.pizza.order.intake;

import java.util.UUID;

/**
 * An order neither the read model nor this instance knows, asked of an instance still
 * reading the notes written before it started: whether another instance placed it is not
 * known yet.
 */
class NotesUnread extends RuntimeException {

	NotesUnread(UUID orderId) {
		super("Order " + orderId + " is not known yet: this instance is still reading the placements "
				+ "written before it started");
	}

}
