package io.pizza.platform.kafka;

/**
 * The consumer groups that are not named after their service: the makers' (the point of
 * the demo), billing's and the tracker's, which the secure mode grants and the benchmark
 * waits on.
 */
public final class Groups {

	/** The makers as a consumer group, the usual kitchen. */
	public static final String MAKERS = "pizza-makers";

	/** The makers as a share group ({@code up --kitchen=queue}). */
	public static final String MAKERS_QUEUE = "pizza-oven-queue";

	/** Billing's group, which reads every order. */
	public static final String BILLING = "billing";

	/** The tracker's dispatch group, whose name its other groups start with too. */
	public static final String DISPATCH = "delivery-tracker";

	private Groups() {
	}

}
