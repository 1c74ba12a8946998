package dev.encore.engine.journey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Templates deployed with journeys (decision 030): sent without a rebuild, checked before
 * they are deployed, and kept per journey version.
 */
class TemplateDeployApiTest extends JourneyScenarioTest {

	private static final String EN = "templates/template-probe/email.en.liquid";

	private static final String ZH = "templates/template-probe/email.zh-TW.liquid";

	@Test
	void aJourneyAndANewTemplateInOneRequestAreSentToTheCustomer() throws Exception {
		String deploymentId = deploymentIdOf(
				deploy(journey(), template(EN, "Hello in one request"), template(ZH, "一次上傳的問候"))
					.andExpect(status().isCreated())
					.andExpect(jsonPath("$.journeys[0].journey").value("TemplateProbe")));
		String customer = enters();

		this.clock.advance(Duration.ofDays(1));

		assertThat(subjects(customer)).containsExactly("Hello in one request, Ada");
		this.mvc.perform(get("/api/v1/customers/{id}/messages", customer))
			.andExpect(jsonPath("$[0].templateId").value("template-probe"))
			.andExpect(jsonPath("$[0].templateVersion").value(deploymentId));
	}

	@Test
	void theJourneysListShowsEachVersionWithItsCustomersSettingsAndTemplates() throws Exception {
		String deploymentId = deploymentIdOf(
				deploy(journey(), template(EN, "Listed"), template(ZH, "列出")).andExpect(status().isCreated()));
		enters();

		String body = this.mvc.perform(get("/api/v1/journeys"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		List<Map<String, Object>> probe = JsonPath.read(body, "$[?(@.journey == 'TemplateProbe')].versions[0]");
		assertThat(probe).singleElement().satisfies((version) -> {
			assertThat(version).containsEntry("deploymentId", deploymentId)
				.containsEntry("deployedBy", "api")
				.containsEntry("active", 1)
				.containsEntry("templates", List.of(EN, ZH))
				.containsKey("deployedAt");
		});
		// Settings as new entries get them: modelled, then overridden by configuration.
		List<Map<String, String>> cart = JsonPath.read(body, "$[?(@.journey == 'AbandonedCart')].versions[0].settings");
		assertThat(cart).singleElement()
			.satisfies((settings) -> assertThat(settings).containsEntry("secondReminderDelay", "PT23H")
				.containsEntry("couponCode", "FROM-CONFIG"));
	}

	@Test
	void aZipOfAJourneysFolderDeploysItsJourneysAndTemplates() throws Exception {
		byte[] zip = zip(Map.of("journeys/template-probe.bpmn", resource("template-probe.bpmn"), "journeys/" + EN,
				source("Hello from a zip"), "journeys/" + ZH, source("壓縮檔的問候"), "journeys/README.md",
				"not deployed".getBytes(StandardCharsets.UTF_8)));
		deploy(new MockMultipartFile("files", "journeys.zip", "application/zip", zip)).andExpect(status().isCreated());
		String customer = enters();

		this.clock.advance(Duration.ofDays(1));

		assertThat(subjects(customer)).containsExactly("Hello from a zip, Ada");
	}

	@Test
	void aCustomerWaitingOnAVersionKeepsItsTextAfterANewVersionChangesTheTemplate() throws Exception {
		String first = deploymentIdOf(
				deploy(journey(), template(EN, "Version one"), template(ZH, "第一版")).andExpect(status().isCreated()));
		String early = enters();
		String second = deploymentIdOf(
				deploy(journey(), template(EN, "Version two"), template(ZH, "第二版")).andExpect(status().isCreated()));
		String late = enters();
		// The same files again: nothing new.
		deploy(journey(), template(EN, "Version two"), template(ZH, "第二版")).andExpect(status().isOk())
			.andExpect(jsonPath("$.journeys.length()").value(0));

		this.clock.advance(Duration.ofDays(1));

		assertThat(subjects(early)).containsExactly("Version one, Ada");
		assertThat(subjects(late)).containsExactly("Version two, Ada");
		assertThat(steps(early, "TemplateProbe")).singleElement()
			.satisfies((entry) -> assertThat(entry.templateVersion()).isEqualTo(first));
		assertThat(steps(late, "TemplateProbe")).singleElement()
			.satisfies((entry) -> assertThat(entry.templateVersion()).isEqualTo(second));
	}

	@Test
	void aTemplateWithALiquidErrorOrAMissingLocaleIsRefusedNamingTheFile() throws Exception {
		deploy(journey(), template(EN, "Broken {% if customer.firstName %}"), template(ZH, "好"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.problems[0].resource").value(EN))
			.andExpect(jsonPath("$.problems[0].message", containsString("not valid Liquid")));
		deploy(journey(),
				new MockMultipartFile("files", "templates/only-english/email.en.liquid", "text/plain",
						source("English only")))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.problems[*].resource", hasItem("templates/only-english/email.en.liquid")))
			.andExpect(jsonPath("$.problems[*].message",
					hasItem("has no zh-TW version: add templates/only-english/email.zh-TW.liquid")));
		assertThat(this.repository.createDeploymentQuery()
			.list()
			.stream()
			.flatMap((deployment) -> this.repository.getDeploymentResourceNames(deployment.getId()).stream()))
			.doesNotContain("templates/only-english/email.en.liquid");
	}

	@Test
	void aZipReachingOutsideItsFolderIsRefused() throws Exception {
		byte[] zip = zip(Map.of("journeys/template-probe.bpmn", resource("template-probe.bpmn"),
				"journeys/../../etc/" + EN, source("Escaped")));
		deploy(new MockMultipartFile("files", "journeys.zip", "application/zip", zip))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.problems[0].resource", containsString("journeys.zip!")))
			.andExpect(jsonPath("$.problems[0].message", containsString("'..'")));
		byte[] absolute = zip(Map.of("/" + EN, source("Absolute")));
		deploy(new MockMultipartFile("files", "journeys.zip", "application/zip", absolute))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.problems[0].message", containsString("start with '/'")));
	}

	@Test
	void aZipBombIsRefused() throws Exception {
		byte[] zeros = new byte[(int) JourneyUpload.MAX_ENTRY_BYTES + 1];
		byte[] zip = zip(Map.of("journeys/" + EN, zeros));
		assertThat(zip.length).isLessThan(10_000);
		deploy(new MockMultipartFile("files", "journeys.zip", "application/zip", zip))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.problems[0].message", containsString("larger than")));
	}

	private String enters() throws Exception {
		String customer = customer();
		event(TestEvents.track("Template Probe Entered", customer));
		assertThat(activeJourneys(customer, "TemplateProbe")).isOne();
		return customer;
	}

	private ResultActions deploy(MockMultipartFile... files) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/journeys");
		for (MockMultipartFile file : files) {
			request.file(file);
		}
		return this.mvc.perform(request.header("Authorization", "Bearer test-deploy-token"));
	}

	private static String deploymentIdOf(ResultActions result) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.deploymentId");
	}

	private static MockMultipartFile journey() throws IOException {
		return new MockMultipartFile("files", "template-probe.bpmn", "application/xml",
				resource("template-probe.bpmn"));
	}

	/** An email template whose subject is the given text and the customer's name. */
	private static MockMultipartFile template(String path, String text) {
		return new MockMultipartFile("files", path, "text/plain", source(text));
	}

	private static byte[] source(String text) {
		return ("---\nsubject: \"" + text + ", {{ customer.firstName }}\"\n---\n<p>" + text + "</p>\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = new ClassPathResource("deploy/" + name).getInputStream()) {
			return in.readAllBytes();
		}
	}

	private static byte[] zip(Map<String, byte[]> entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : new LinkedHashMap<>(entries).entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

}
