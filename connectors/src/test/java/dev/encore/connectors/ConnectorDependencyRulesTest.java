package dev.encore.connectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Connectors stay plain Java senders: usable without Camunda and without the engine. */
class ConnectorDependencyRulesTest {

	private final JavaClasses connectors = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.encore.connectors");

	@Test
	void connectorsUseNoCamundaOrEngineTypes() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.camunda..", "dev.encore.engine..")
			.check(this.connectors);
	}

	/**
	 * Every pair, not a list kept by hand: a connector shares only the contract in
	 * {@code dev.encore.connectors}.
	 */
	@Test
	void noConnectorDependsOnAnother() {
		slices().matching("dev.encore.connectors.(*)..")
			.should()
			.notDependOnEachOther()
			.because("a channel is its own package; what channels share is the contract above them")
			.check(this.connectors);
	}

}
