package io.pizza.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * A service's packages, one per feature, as its main code uses them.
 */
public final class Packages {

	private Packages() {
	}

	/**
	 * Fails when a package under the application's, with everything below it, depends on
	 * another that depends back on it, directly or through others.
	 * @param application the service's application class, in its root package
	 */
	public static void assertFreeOfCycles(Class<?> application) {
		String root = application.getPackageName();
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(root);
		SlicesRuleDefinition.slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
	}

}
