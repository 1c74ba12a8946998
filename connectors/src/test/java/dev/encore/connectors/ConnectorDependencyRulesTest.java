package dev.encore.connectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

	@Test
	void channelsDoNotDependOnEachOther() {
		noClasses().that()
			.resideInAPackage("..connectors.email..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..connectors.sandbox..")
			.check(this.connectors);
	}

}
