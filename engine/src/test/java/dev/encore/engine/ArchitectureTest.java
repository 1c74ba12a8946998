package dev.encore.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Configuration;

import dev.encore.engine.store.JedisHolder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine's packages point one way (docs: {@code design.md}, "Layers"): entry points
 * use features, features use the ground floor, nothing looks up. A feature that must tell
 * an upper one something calls an interface defined below it ({@code EventSink}).
 */
class ArchitectureTest {

	static final JavaClasses ENGINE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.encore.engine");

	@Test
	void noCyclesBetweenPackages() {
		slices().matching("dev.encore.engine.(*)..").should().beFreeOfCycles().check(ENGINE);
	}

	@Test
	void entryPointsUseFeaturesAndFeaturesUseTheGroundFloorNeverTheOtherWay() {
		layers().check(ENGINE);
	}

	/**
	 * A store with a Redis and an in-memory form picks it once, in a configuration;
	 * nothing else asks whether Redis is there.
	 */
	@Test
	void onlyConfigurationsChooseBetweenRedisAndMemory() {
		noClasses().that()
			.areNotAnnotatedWith(Configuration.class)
			.and()
			.resideOutsideOfPackage("..engine.store..")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(JedisHolder.class)
			.check(ENGINE);
	}

	static LayeredArchitecture layers() {
		return layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Entry points")
			.definedBy("..engine.intake..", "..engine.consent..", "..engine.support..", "..engine.analytics..",
					"..engine.access..", "..engine.web..")
			.layer("Features")
			.definedBy("..engine.correlation..", "..engine.delivery..", "..engine.goal..", "..engine.profile..",
					"..engine.journey..", "..engine.referral..", "..engine.repurchase..", "..engine.loyalty..",
					"..engine.push..", "..engine.acquisition..")
			.layer("Ground")
			.definedBy("..engine.event..", "..engine.store..", "..engine.channel..")
			.whereLayer("Entry points")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Features")
			.mayOnlyBeAccessedByLayers("Entry points")
			.whereLayer("Ground")
			.mayOnlyBeAccessedByLayers("Entry points", "Features");
	}

}
