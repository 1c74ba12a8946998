package dev.encore.engine.profile;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.encore.engine.testsupport.RedisIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The profile as journeys and support see it: lifecycle changes start journeys, gateways
 * branch on {@code profile}, a business rule task calls the segment DMN.
 */
class ProfileJourneyTest extends RedisIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private String deployment;

	@BeforeEach
	void deployTestJourney() {
		this.deployment = this.repository.createDeployment()
			.addClasspathResource("profile/ProfileBranching.bpmn")
			.deploy()
			.getId();
	}

	@AfterEach
	void removeTestJourney() {
		this.repository.deleteDeployment(this.deployment, true);
	}

	private void order(String customer, String orderId, double total) throws Exception {
		send(TestEvents.track("Order Completed", customer).with("order_id", orderId).with("total", total))
			.andExpect(status().isAccepted());
	}

	/** End events of the branching probe (shipped journeys start on orders too). */
	private List<String> endEvents(String customer) {
		return this.history.createHistoricActivityInstanceQuery()
			.activityType("noneEndEvent")
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.list()
			.stream()
			.filter((activity) -> "ProfileBranching".equals(activity.getProcessDefinitionKey()))
			.filter((activity) -> customer.equals(businessKey(activity)))
			.map(HistoricActivityInstance::getActivityId)
			.toList();
	}

	private String businessKey(HistoricActivityInstance activity) {
		return this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(activity.getProcessInstanceId())
			.singleResult()
			.getBusinessKey();
	}

	private List<Map<String, Object>> stageChanges(String customer) {
		return this.jdbc.sql("""
				SELECT properties FROM encore_event
				WHERE customer_id = ? AND event_name = 'Lifecycle Stage Changed' ORDER BY id""")
			.param(customer)
			.query(String.class)
			.list()
			.stream()
			.map((json) -> Map.<String, Object>of("json", json))
			.toList();
	}

	@Test
	void stageChangesStartJourneysThatBranchOnProfileAndSegmentDecision() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada")).andExpect(status().isAccepted());
		assertThat(endEvents(customer)).isEmpty();

		order(customer, "o-1", 40.0);
		assertThat(endEvents(customer)).containsExactly("EndEventFirstTimePotential");

		order(customer, "o-2", 40.0);
		// Any order: the test clock stands still, so both instances started at the same
		// instant.
		assertThat(endEvents(customer)).containsExactlyInAnyOrder("EndEventFirstTimePotential", "EndEventNotFirstTime");
		assertThat(stageChanges(customer)).extracting((row) -> row.get("json").toString())
			.satisfiesExactly((first) -> assertThat(first).contains("\"from\":\"prospect\"", "\"to\":\"first-time\""),
					(second) -> assertThat(second).contains("\"from\":\"first-time\"", "\"to\":\"repeat\""));
	}

	@Test
	void refundOfTheOnlyOrderMakesTheCustomerAProspectAgain() throws Exception {
		String customer = newCustomerId();
		order(customer, "o-1", 80.0);
		this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(jsonPath("$.lifecycleStage").value("first-time"));

		send(TestEvents.track("Order Refunded", customer).with("order_id", "o-1")).andExpect(status().isAccepted());

		this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lifecycleStage").value("prospect"))
			.andExpect(jsonPath("$.orders.orderCount").value(0))
			.andExpect(jsonPath("$.orders.refundCount").value(1))
			.andExpect(jsonPath("$.rfm.segment").value("none"));
		assertThat(stageChanges(customer)).hasSize(2)
			.last()
			.satisfies((row) -> assertThat(row.get("json").toString()).contains("\"from\":\"first-time\"",
					"\"to\":\"prospect\""));
	}

	@Test
	void supportReadsTheWholeProfile() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.track("Order Completed", customer)
			.with("order_id", "o-1")
			.with("total", 120.0)
			.with("products", List.of(Map.of("category", "tea"))));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/events")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"messageId":"%s","type":"identify","userId":"%s","traits":{"email":"z@example.org",
						 "phone":"+886 912 345 678","timezone":"Asia/Taipei","birthday":"1990-02-28","lineUserId":"U1",
						 "consents":{"sms":"granted","email":{"status":"revoked","source":"footer"}}}}"""
					.formatted(newCustomerId(), customer)))
			.andExpect(status().isAccepted());

		this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phone").value("+886912345678"))
			.andExpect(jsonPath("$.timeZone").value("Asia/Taipei"))
			.andExpect(jsonPath("$.birthday").value("1990-02-28"))
			.andExpect(jsonPath("$.lineUserId").value("U1"))
			.andExpect(jsonPath("$.consents.sms.granted").value(true))
			.andExpect(jsonPath("$.consents.email.granted").value(false))
			.andExpect(jsonPath("$.consents.email.source").value("footer"))
			.andExpect(jsonPath("$.orders.netRevenue").value(120))
			.andExpect(jsonPath("$.orders.topCategories[0]").value("tea"))
			.andExpect(jsonPath("$.orders.priceBand").value("mid"))
			.andExpect(jsonPath("$.rfm.recencyScore").value(5))
			.andExpect(jsonPath("$.rfm.frequencyScore").value(1))
			.andExpect(jsonPath("$.rfm.monetaryScore").value(2))
			.andExpect(jsonPath("$.rfm.segment").value("potential"))
			.andExpect(jsonPath("$.lapsed").value(false));
	}

	@Test
	void unknownCustomerIsNotFoundAsProblemJson() throws Exception {
		this.mvc.perform(get("/api/v1/customers/{id}", newCustomerId()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Unknown customer"));
	}

}
