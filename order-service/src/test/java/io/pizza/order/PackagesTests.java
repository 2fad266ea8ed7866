package io.pizza.order;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.pizza.testing.Packages;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The service's feature packages depend on one another one way only; of the order's rooms
 * (docs/architecture.md), the intake uses the book and the vocabulary, the book the
 * vocabulary alone.
 */
class PackagesTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.pizza.order");

	@Test
	void featuresDependOnOneAnotherOneWayOnly() {
		Packages.assertFreeOfCycles(OrderServiceApplication.class);
	}

	@Test
	void theBookKnowsNothingOfTheIntake() {
		noClasses().that()
			.resideInAPackage("io.pizza.order.book..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.pizza.order.intake..")
			.check(MAIN);
	}

	@Test
	void theVocabularyKnowsNeitherRoom() {
		noClasses().that()
			.resideInAPackage("io.pizza.order.orders..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.pizza.order.intake..", "io.pizza.order.book..")
			.check(MAIN);
	}

}
