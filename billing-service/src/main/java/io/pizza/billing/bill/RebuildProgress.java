package io.pizza.billing.bill;

/**
 * How a rebuild of the bills stands.
 *
 * @param state {@code IDLE} (none yet), {@code READING} the orders topic,
 * {@code SWAPPING} the bills, {@code DONE}, or {@code FAILED} (the bills as they were)
 * @param ordersLeft the records of the orders topic the rebuild has not read yet
 * @param caughtUp whether it is done
 * @param rebuilt the orders billed again
 * @param changed of those, the bills that differ from the ones they replaced (kept in
 * {@code bills_before_rebuild})
 * @param kept the bills kept as they were, and why
 * @param failure why it failed, if it did
 */
record RebuildProgress(String state, long ordersLeft, boolean caughtUp, long rebuilt, long changed, Kept kept,
		String failure) {

	static final RebuildProgress IDLE = new RebuildProgress("IDLE", 0, false, 0, 0, Kept.NONE, "");

	static RebuildProgress reading(long ordersLeft, long rebuilt) {
		return new RebuildProgress("READING", ordersLeft, false, rebuilt, 0, Kept.NONE, "");
	}

	static RebuildProgress swapping(long rebuilt) {
		return new RebuildProgress("SWAPPING", 0, false, rebuilt, 0, Kept.NONE, "");
	}

	static RebuildProgress done(long rebuilt, long changed, Kept kept) {
		return new RebuildProgress("DONE", 0, true, rebuilt, changed, kept, "");
	}

	RebuildProgress failed(String failure) {
		return new RebuildProgress("FAILED", this.ordersLeft, false, this.rebuilt, 0, Kept.NONE, failure);
	}

	boolean running() {
		return this.state.equals("READING") || this.state.equals("SWAPPING");
	}

	/**
	 * Bills a rebuild kept as they were.
	 *
	 * @param goneFromTopic their orders are no longer in the topic (retention deleted
	 * them): nothing to bill them from again
	 * @param billedMeanwhile billed while the rebuild read, from records after the end it
	 * read to
	 * @param notBillable their orders are in the topic but cannot be billed by today's
	 * rules
	 */
	record Kept(long goneFromTopic, long billedMeanwhile, long notBillable) {

		static final Kept NONE = new Kept(0, 0, 0);

	}

}
