package io.pizza.billing;

import io.pizza.testing.Packages;
import org.junit.jupiter.api.Test;

/**
 * The service's feature packages depend on one another one way only.
 */
class PackagesTests {

	@Test
	void featuresDependOnOneAnotherOneWayOnly() {
		Packages.assertFreeOfCycles(BillingApplication.class);
	}

}
