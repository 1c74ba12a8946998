package dev.encore.engine.analytics;

import java.sql.Timestamp;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.encore.engine.journey.Buckets;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Journey figures over the test journey {@code semantics-probe.bpmn}; the context is
 * shared with other tests, so the test reads the change its own customers make.
 */
class JourneyAnalyticsApiTest extends EncoreIntegrationTest {

	private static final String JOURNEY = "SemanticsProbe";

	private final ObjectMapper json = new ObjectMapper();

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void entriesConversionsElementCountsAndSplitsOfAJourneyVersion() throws Exception {
		String definitionId = latestDefinitionId();
		JsonNode before = detail(definitionId);

		String converts = customer((c) -> notHeldOut(c) && split(c) < 50);
		enter(converts);
		this.clock.runDueJobs();
		send(TestEvents.track("Probe Converted", converts).with("revenue", 50).with("currency", "EUR"))
			.andExpect(status().isAccepted());
		String waits = customer((c) -> notHeldOut(c) && split(c) >= 50);
		enter(waits);
		String heldOut = customer((c) -> !notHeldOut(c));
		enter(heldOut);
		this.clock.runDueJobs();

		JsonNode after = detail(definitionId);
		assertThat(delta(before, after, "/summary/entries")).isEqualTo(3);
		assertThat(delta(before, after, "/summary/conversions")).isEqualTo(1);
		// Per currency: euros are never added to another currency's revenue.
		assertThat(after.at("/summary/attributedRevenue/EUR").decimalValue()).isEqualByComparingTo(
				before.at("/summary/attributedRevenue/EUR").decimalValue().add(new java.math.BigDecimal(50)));
		assertThat(after.at("/summary/attributedRevenue").size())
			.isEqualTo(before.at("/summary/attributedRevenue").size()
					+ (before.at("/summary/attributedRevenue").has("EUR") ? 0 : 1));
		assertThat(elementDelta(before, after, "SendTaskEmailA", "entered")).isEqualTo(1);
		assertThat(elementDelta(before, after, "SendTaskEmailA", "passed")).isEqualTo(1);
		assertThat(elementDelta(before, after, "TimerUntilTenLocal", "waiting")).isEqualTo(1);
		assertThat(elementDelta(before, after, "EndEventHoldout", "entered")).isEqualTo(1);
		// The purchase interrupted the wait for a click: counted as exited there.
		assertThat(elementDelta(before, after, "GatewayWaitForClick", "exited")
				+ elementDelta(before, after, "MessageCatchProbeClicked", "exited"))
			.isPositive();
		JsonNode split = after.at("/splits/GatewaySplit/0");
		assertThat(split.at("/control/name").asText()).isEqualTo("A");
		assertThat(split.at("/treated/name").asText()).isEqualTo("B");
		assertThat(split.at("/verdict").asText()).startsWith("not enough data");
		assertThat(after.at("/holdout/control/name").asText()).isEqualTo("holdout");

		JsonNode listed = this.json.readTree(this.mvc.perform(get("/api/v1/analytics/journeys"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(listed.findValuesAsText("processDefinitionId")).contains(definitionId);
		String xml = this.mvc.perform(get("/api/v1/analytics/journeys/{id}/diagram", definitionId))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(xml).contains("GatewaySplit");
	}

	/**
	 * Seven entries written by hand, four sources: google 3 entries / 1 conversion,
	 * newsletter 2 / 2, unknown 1 / 0, direct 1 / 1 (a holdout entry counts too); most
	 * entries first, then by name, unknown (no source field) before any name.
	 */
	@Test
	void entriesAndConversionsByTheLastTouchSourceAtEntry() throws Exception {
		String definitionId = this.repository.createDeployment()
			.name("analytics-by-source")
			.addClasspathResource("acquisition/AcquisitionProbe.bpmn")
			.deployWithResult()
			.getDeployedProcessDefinitions()
			.get(0)
			.getId();
		try {
			entry(definitionId, "google", false, true);
			entry(definitionId, "google", false, false);
			entry(definitionId, "google", false, false);
			entry(definitionId, "newsletter", false, true);
			entry(definitionId, "newsletter", false, true);
			entry(definitionId, null, false, false);
			entry(definitionId, "direct", true, true);

			JsonNode sources = detail(definitionId).at("/sources");

			assertThat(sources).isEqualTo(this.json.readTree("""
					[{"source":"google","entries":3,"conversions":1,"conversionRate":0.3333333333333333},
					 {"source":"newsletter","entries":2,"conversions":2,"conversionRate":1.0},
					 {"entries":1,"conversions":0,"conversionRate":0.0},
					 {"source":"direct","entries":1,"conversions":1,"conversionRate":1.0}]"""));
		}
		finally {
			this.jdbc.update("DELETE FROM encore_conversion WHERE journey_key = 'AcquisitionProbe'");
			this.jdbc.update("DELETE FROM encore_journey_entry WHERE process_definition_id = ?", definitionId);
			deleteDeployments("analytics-by-source");
		}
	}

	private void entry(String definitionId, String source, boolean holdout, boolean converted) {
		String instance = UUID.randomUUID().toString();
		String customer = newCustomerId();
		this.jdbc.update(
				"INSERT INTO encore_journey_entry (process_instance_id, process_definition_id, journey_key,"
						+ " customer_id, entered_at, holdout, source) VALUES (?, ?, 'AcquisitionProbe', ?, ?, ?, ?)",
				instance, definitionId, customer, Timestamp.from(START), holdout, source);
		if (converted) {
			this.jdbc.update("INSERT INTO encore_conversion (process_instance_id, journey_key, customer_id, holdout,"
					+ " event_message_id, event_name, converted_at) VALUES (?, 'AcquisitionProbe', ?, ?, ?,"
					+ " 'Order Completed', ?)", instance, customer, holdout, instance, Timestamp.from(START));
		}
	}

	private String latestDefinitionId() {
		return this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(JOURNEY)
			.latestVersion()
			.singleResult()
			.getId();
	}

	private JsonNode detail(String definitionId) throws Exception {
		return this.json.readTree(this.mvc.perform(get("/api/v1/analytics/journeys/{id}", definitionId))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static long delta(JsonNode before, JsonNode after, String path) {
		return after.at(path).asLong() - before.at(path).asLong();
	}

	private static long elementDelta(JsonNode before, JsonNode after, String element, String count) {
		return countOf(after, element, count) - countOf(before, element, count);
	}

	private static long countOf(JsonNode detail, String element, String count) {
		for (JsonNode counts : detail.at("/elements")) {
			if (counts.at("/elementId").asText().equals(element)) {
				return counts.at("/" + count).asLong();
			}
		}
		return 0;
	}

	private String customer(Predicate<String> placement) throws Exception {
		String customer = newCustomerId();
		while (!placement.test(customer)) {
			customer = newCustomerId();
		}
		send(TestEvents.identify(customer, customer + "@example.org", "Ada").withTrait("vip", true))
			.andExpect(status().isAccepted());
		return customer;
	}

	private void enter(String customer) throws Exception {
		send(TestEvents.track("Probe Entered", customer)).andExpect(status().isAccepted());
	}

	private static boolean notHeldOut(String customer) {
		return Buckets.of(customer, JOURNEY, "holdout") >= 20;
	}

	private static int split(String customer) {
		return Buckets.of(customer, JOURNEY, "GatewaySplit");
	}

}
