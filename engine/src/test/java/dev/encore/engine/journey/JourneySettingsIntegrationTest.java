package dev.encore.engine.journey;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings come from the BPMN's setting.* properties plus configuration
 * (application-test.yml).
 */
class JourneySettingsIntegrationTest extends EncoreIntegrationTest {

	@Autowired
	JourneySettings settings;

	@Test
	void declaredSettingsWithConfiguredOverrides() {
		String definitionId = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("AbandonedCart")
			.latestVersion()
			.singleResult()
			.getId();

		assertThat(this.settings.of(definitionId, "AbandonedCart")).containsEntry("firstReminderDelay", "PT1H")
			.containsEntry("secondReminderDelay", "PT23H")
			.containsEntry("couponCode", "FROM-CONFIG");
	}

}
