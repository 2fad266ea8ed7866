package io.pizza.support;

import io.pizza.testing.Packages;
import org.junit.jupiter.api.Test;

/**
 * What every service shares, in packages that depend on one another one way only: the
 * HTTP edge apart from the Kafka habits.
 */
class PackagesTests {

	@Test
	void packagesDependOnOneAnotherOneWayOnly() {
		Packages.assertFreeOfCycles(ServiceDefaults.class);
	}

}
