package dev.encore.engine.acquisition;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.encore.engine.testsupport.RedisIntegrationTest;
import dev.encore.engine.testsupport.SegmentFixtures;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code profile.acquisition} as storefronts fill it over Encore's API and Segment's,
 * kept in Redis, shown by {@code GET /api/v1/customers/{id}}, read by a journey's entry
 * filter and gateway, and recorded with the journey entry.
 */
class AcquisitionProfileTest extends RedisIntegrationTest {

	private static final String PROBE = "AcquisitionProbe";

	@Autowired
	JdbcClient jdbc;

	private String deployment;

	@BeforeEach
	void deployProbe() {
		this.deployment = this.repository.createDeployment()
			.addClasspathResource("acquisition/AcquisitionProbe.bpmn")
			.deploy()
			.getId();
	}

	@AfterEach
	void removeProbe() {
		this.repository.deleteDeployment(this.deployment, true);
	}

	@Test
	void firstAndLastTouchAndVisitsPerSourceFromEncoresApiAndSegmentsApi() throws Exception {
		String customer = newCustomerId();
		segment("/v1/page",
				"""
						{"type":"page","userId":"%s","messageId":"%s","timestamp":"2026-11-20T08:00:00Z",
						 "properties":{"url":"https://shop.example.com/linen?q=1","referrer":"https://www.google.com/search?q=linen"}}"""
					.formatted(customer, newCustomerId()));
		send(TestEvents.track("Product Viewed", customer)
			.at(START.minus(Duration.ofDays(1)))
			.withContext("campaign",
					Map.of("source", "Newsletter", "medium", "email", "name", "autumn-edit", "content", "hero"))
			.withContext("page", Map.of("url", "https://shop.example.com/autumn", "referrer", "")))
			.andExpect(status().isAccepted());
		// Back later by typing the address: a visit, but the newsletter keeps the credit.
		send(TestEvents.track("Site Visited", customer)
			.at(START)
			.with("url", "https://shop.example.com/")
			.with("referrer", "https://shop.example.com/")).andExpect(status().isAccepted());

		this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.acquisition.first.source").value("google"))
			.andExpect(jsonPath("$.acquisition.first.medium").value("organic"))
			.andExpect(jsonPath("$.acquisition.first.referrer").value("https://www.google.com/search"))
			.andExpect(jsonPath("$.acquisition.first.landingPage").value("https://shop.example.com/linen"))
			.andExpect(jsonPath("$.acquisition.first.at").value("2026-11-20T08:00:00Z"))
			.andExpect(jsonPath("$.acquisition.last.source").value("newsletter"))
			.andExpect(jsonPath("$.acquisition.last.medium").value("email"))
			.andExpect(jsonPath("$.acquisition.last.campaign").value("autumn-edit"))
			.andExpect(jsonPath("$.acquisition.last.content").value("hero"))
			.andExpect(jsonPath("$.acquisition.last.term").doesNotExist())
			.andExpect(jsonPath("$.acquisition.last.referrer").doesNotExist())
			.andExpect(jsonPath("$.acquisition.sources.google").value(1))
			.andExpect(jsonPath("$.acquisition.sources.newsletter").value(1))
			.andExpect(jsonPath("$.acquisition.sources.direct").value(1));
	}

	@Test
	void segmentsCampaignContextOnATrackCallIsATouch() throws Exception {
		String customer = newCustomerId();
		segment("/v1/track",
				"""
						{"type":"track","event":"Product Viewed","userId":"%s","messageId":"%s",
						 "context":{"campaign":{"source":"IG","medium":"Social","name":"reels","term":"linen shirt"},
						            "page":{"url":"https://shop.example.com/p/1?utm_source=ignored","referrer":"https://l.instagram.com/"}}}"""
					.formatted(customer, newCustomerId()));

		this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(jsonPath("$.acquisition.last.source").value("ig"))
			.andExpect(jsonPath("$.acquisition.last.medium").value("social"))
			.andExpect(jsonPath("$.acquisition.last.term").value("linen shirt"))
			.andExpect(jsonPath("$.acquisition.last.landingPage").value("https://shop.example.com/p/1"));
	}

	@Test
	void aContextThatIsNoObjectIsRefusedNamingTheField() throws Exception {
		this.mvc
			.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"messageId":"%s","type":"track","event":"Site Visited","userId":"%s","context":"newsletter"}"""
					.formatted(newCustomerId(), newCustomerId())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("context"));
	}

	@Test
	void theEntryFilterAndGatewaysReadAcquisitionAndTheEntryKeepsTheLastSource() throws Exception {
		String fromNewsletter = newCustomerId();
		visit(fromNewsletter, "https://www.google.com/", "https://shop.example.com/");
		send(TestEvents.track("Site Visited", fromNewsletter)
			.at(START.plus(Duration.ofHours(1)))
			.with("url", "https://shop.example.com/?utm_source=newsletter&utm_medium=email"))
			.andExpect(status().isAccepted());
		String fromSearch = newCustomerId();
		visit(fromSearch, "https://www.bing.com/", "https://shop.example.com/");

		send(TestEvents.track("Acquisition Probe", fromNewsletter)).andExpect(status().isAccepted());
		send(TestEvents.track("Acquisition Probe", fromSearch)).andExpect(status().isAccepted());

		assertThat(endEvents(fromNewsletter)).containsExactly("EndEventFirstFromSearch");
		assertThat(endEvents(fromSearch)).isEmpty();
		assertThat(this.jdbc.sql("SELECT source FROM encore_journey_entry WHERE journey_key = ? AND customer_id = ?")
			.params(PROBE, fromNewsletter)
			.query(String.class)
			.list()).containsExactly("newsletter");
	}

	private void visit(String customer, String referrer, String url) throws Exception {
		send(TestEvents.track("Site Visited", customer).at(START).with("url", url).with("referrer", referrer))
			.andExpect(status().isAccepted());
	}

	private void segment(String path, String body) throws Exception {
		this.mvc
			.perform(post(path).contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.AUTHORIZATION, SegmentFixtures.basic(SegmentFixtures.WRITE_KEY))
				.content(body))
			.andExpect(status().isOk());
	}

	private List<String> endEvents(String customer) {
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(PROBE)
			.processInstanceBusinessKey(customer)
			.list()
			.stream()
			.flatMap((instance) -> this.history.createHistoricActivityInstanceQuery()
				.processInstanceId(instance.getId())
				.activityType("noneEndEvent")
				.list()
				.stream())
			.map(HistoricActivityInstance::getActivityId)
			.toList();
	}

}
