package io.pizza.bench;

import io.pizza.testing.Packages;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's parts depend on one another one way only.
 */
class PackagesTests {

	@Test
	void partsDependOnOneAnotherOneWayOnly() {
		Packages.assertFreeOfCycles(BenchCli.class);
	}

}
