package dev.encore.engine.journey;

import org.junit.jupiter.api.Test;

import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TemplateListApiTest extends EncoreIntegrationTest {

	@Test
	void listsEachTemplateWithChannelsLocalesVersionsAndTheJourneysSendingIt() throws Exception {
		String deployment = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("AbandonedCart")
			.latestVersion()
			.singleResult()
			.getDeploymentId();
		String template = "$[?(@.id == 'cart-second-reminder')]";
		this.mvc.perform(get("/api/v1/templates"))
			.andExpect(status().isOk())
			.andExpect(jsonPath(template + ".channels[*]", hasItems("email", "sms", "line")))
			.andExpect(jsonPath(template + ".locales[*]", hasItems("en", "zh-TW")))
			.andExpect(jsonPath(template + ".versions[*].deploymentId", hasItems(deployment)))
			.andExpect(jsonPath(template + ".usedBy[*].key", hasItems("AbandonedCart")));
	}

}
