package dev.encore.engine.journey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Deploying journeys over the API: who may, validation, new versions, migration. */
class JourneyDeployApiTest extends EncoreIntegrationTest {

	@Test
	void deployingNeedsAMarketersOrAdminsLoginOrTheDeployToken() throws Exception {
		this.mvc.perform(multipart("/api/v1/journeys").file(file("broken-journey.bpmn")).with(anonymous()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().stringValues("WWW-Authenticate", hasItem("Bearer")))
			.andExpect(header().stringValues("WWW-Authenticate", hasItem("Basic realm=\"Encore\"")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(multipart("/api/v1/journeys").file(file("broken-journey.bpmn"))
				.with(anonymous())
				.header("Authorization", "Bearer wrong"))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(multipart("/api/v1/journeys").file(file("broken-journey.bpmn"))
				.with(anonymous())
				.with(httpBasic("marketer", "wrong-password")))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(multipart("/api/v1/journeys").file(file("broken-journey.bpmn"))
				.with(anonymous())
				.with(httpBasic("support", "test-password")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

		// Let in: the upload is read and validated (and refused for what it is).
		this.mvc
			.perform(multipart("/api/v1/journeys").file(file("broken-journey.bpmn"))
				.with(anonymous())
				.with(httpBasic("marketer", "test-password")))
			.andExpect(status().isUnprocessableEntity());
		this.mvc
			.perform(multipart("/api/v1/journeys").file(file("broken-journey.bpmn"))
				.with(anonymous())
				.header("Authorization", "Bearer test-deploy-token"))
			.andExpect(status().isUnprocessableEntity());
		assertThat(definitions("BrokenJourney")).isZero();
	}

	@Test
	void anInvalidJourneyIsRefusedWithEveryProblemAndNothingDeployed() throws Exception {
		deploy("broken-journey.bpmn", false).andExpect(status().isUnprocessableEntity())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.problems.length()").value(12))
			.andExpect(jsonPath("$.problems[*].elementId", hasItem("ScriptTaskCompute")))
			// Entry rules are checked by correlation, which enforces them.
			.andExpect(jsonPath("$.problems[*].message",
					hasItem("entry.reentry must be always, never or after:<ISO-8601 duration>, not 'sometimes'")));
		assertThat(definitions("BrokenJourney")).isZero();
	}

	@Test
	void aBadSettingIsNamedInTheProblemWithTheElementThatReadsIt() throws Exception {
		String cart = new String(read("journeys/abandoned-cart.bpmn"), StandardCharsets.UTF_8).replace(
				"name=\"setting.secondReminderDelay\" value=\"PT23H\"",
				"name=\"setting.secondReminderDelay\" value=\"tomorrow\"");
		long versions = definitions("AbandonedCart");

		this.mvc
			.perform(
					multipart("/api/v1/journeys")
						.file(new MockMultipartFile("files", "abandoned-cart.bpmn", "application/xml",
								cart.getBytes(StandardCharsets.UTF_8)))
						.header("Authorization", "Bearer test-deploy-token"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.problems[0].resource").value("abandoned-cart.bpmn"))
			.andExpect(jsonPath("$.problems[0].elementId").value("TimerWaitSecondReminderDelay"))
			.andExpect(jsonPath("$.problems[0].setting").value("setting.secondReminderDelay"))
			.andExpect(jsonPath("$.problems[0].message")
				.value("setting.secondReminderDelay: 'tomorrow' is not an ISO-8601 duration such as PT1H or P3D"));
		assertThat(definitions("AbandonedCart")).isEqualTo(versions);
	}

	@Test
	void waitingCustomersStayOnTheirVersionUnlessTheDeployMigratesThem() throws Exception {
		deploy("migration-probe-v1.bpmn", false).andExpect(jsonPath("$.journeys[0].journey").value("MigrationProbe"));
		String stays = newCustomerId();
		send(TestEvents.track("Migration Probe Entered", stays)).andExpect(status().isAccepted());

		deploy("migration-probe-v2.bpmn", false).andExpect(status().isCreated());
		String moves = newCustomerId();
		send(TestEvents.track("Migration Probe Entered", moves)).andExpect(status().isAccepted());
		assertThat(versionOf(stays)).isEqualTo(versionOf(moves) - 1);

		// Same files again: nothing new, nobody moved.
		deploy("migration-probe-v2.bpmn", true).andExpect(status().isOk())
			.andExpect(jsonPath("$.journeys.length()").value(0));

		deploy("migration-probe-v1.bpmn", true).andExpect(status().isCreated())
			.andExpect(jsonPath("$.migrations.length()").value(2))
			.andExpect(jsonPath("$.migrations[0].migrated").value(1))
			.andExpect(jsonPath("$.migrations[1].migrated").value(1))
			.andExpect(jsonPath("$.migrations[0].failed.length()").value(0));
		assertThat(versionOf(stays)).isEqualTo(versionOf(moves));

		this.clock.advance(Duration.ofDays(1));
		assertThat(activeJourneys(stays, "MigrationProbe") + activeJourneys(moves, "MigrationProbe")).isZero();
		assertThat(this.history.createHistoricActivityInstanceQuery().activityId("EndEventVersionOne").count())
			.isEqualTo(2);
	}

	private ResultActions deploy(String file, boolean migrate) throws Exception {
		return this.mvc.perform(multipart("/api/v1/journeys").file(file(file))
			.param("migrate", String.valueOf(migrate))
			.header("Authorization", "Bearer test-deploy-token"));
	}

	private static MockMultipartFile file(String name) throws IOException {
		// Both versions are one journey file, as a marketer would upload it.
		return new MockMultipartFile("files", name.replaceAll("-v\\d", ""), "application/xml", read("deploy/" + name));
	}

	private static byte[] read(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
	}

	private long definitions(String key) {
		return this.repository.createProcessDefinitionQuery().processDefinitionKey(key).count();
	}

	private int versionOf(String customer) {
		String definitionId = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(customer)
			.singleResult()
			.getProcessDefinitionId();
		return this.repository.getProcessDefinition(definitionId).getVersion();
	}

}
