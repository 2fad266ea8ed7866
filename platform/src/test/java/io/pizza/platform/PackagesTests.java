package io.pizza.platform;

import io.pizza.testing.Packages;
import org.junit.jupiter.api.Test;

/**
 * The platform's parts depend on one another one way only.
 */
class PackagesTests {

	@Test
	void partsDependOnOneAnotherOneWayOnly() {
		Packages.assertFreeOfCycles(Platform.class);
	}

}
