package dev.encore.engine;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What an operator's probes and Prometheus see, after real traffic. */
class OperationsEndpointsTest extends EncoreIntegrationTest {

	@Test
	void probesReportTheStoresIntakeNeedsAndHealthEveryProvider() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.mail").doesNotExist());
		this.mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components.mail.status").value("UP"));
	}

	@Test
	void journeyGaugesFollowCustomersThroughTheCartJourney() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada")).andExpect(status().isAccepted());
		send(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0)).andExpect(status().isAccepted());
		assertThat(scrape()).contains("encore_journeys_active{application=\"encore\",journey=\"AbandonedCart\"} 1.0")
			.contains("encore_jobs_due{application=\"encore\"} 0.0");

		this.clock.setTo(this.clock.now().plus(Duration.ofHours(1)));
		assertThat(scrape()).contains("encore_jobs_due{application=\"encore\"} 1.0");

		this.clock.runDueJobs();
		send(TestEvents.orderCompleted(customer)).andExpect(status().isAccepted());
		// The order's thank-you (post-purchase journey) goes out at once. The first order
		// also starts the second-purchase
		// nudge, whose first step is a job.
		this.clock.runDueJobs();
		assertThat(scrape()).contains("encore_journeys_active{application=\"encore\",journey=\"AbandonedCart\"} 0.0")
			.contains("encore_jobs_due{application=\"encore\"} 0.0")
			.contains("encore_jobs_failed{application=\"encore\"} 0.0");
	}

	@Test
	void eventsSendsAndSuppressionsAreCountedByTheirLabels() throws Exception {
		String received = "encore_events_received_total{application=\"encore\",source=\"http\"}";
		String applied = "encore_events_applied_total{application=\"encore\",source=\"http\"}";
		String rejected = "encore_events_rejected_total{application=\"encore\",source=\"http\"}";
		String sent = "encore_sends_total{application=\"encore\",channel=\"email\",status=\"sent\"}";
		String suppressed = "encore_suppressions_total{application=\"encore\",channel=\"sms\",reason=\"no_consent:sms\"}";
		String before = scrape();

		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada").withTrait("phone", "+886912345678"))
			.andExpect(status().isAccepted());
		send(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0)).andExpect(status().isAccepted());
		// Parsed but refused by Encore's rules: received and rejected. (A body that does
		// not parse is no event: it shows in http_server_requests with status 400.)
		send(TestEvents.checkoutStarted(customer).at(this.clock.now().plus(Duration.ofDays(3))))
			.andExpect(status().isBadRequest());
		// A marketing SMS to a customer who never agreed to SMS, then a marketing email.
		this.runtime.startProcessInstanceByKey("GuardrailProbe", customer,
				Map.of("probeChannel", "sms", "probeType", "marketing"));
		this.clock.runDueJobs();

		String after = scrape();
		assertThat(value(after, received) - value(before, received)).isEqualTo(3);
		assertThat(value(after, applied) - value(before, applied)).isEqualTo(2);
		assertThat(value(after, rejected) - value(before, rejected)).isEqualTo(1);
		assertThat(value(after, suppressed) - value(before, suppressed)).isEqualTo(1);
		assertThat(value(after, sent) - value(before, sent)).isEqualTo(1);
		assertThat(after).contains("encore_events_apply_latency_seconds_count{application=\"encore\"}");
	}

	@Test
	void sendFailuresAreCountedByTheirReason() throws Exception {
		String failures = "encore_send_failures_total{application=\"encore\",channel=\"line\",reason=\"no_address:line\",status=\"failed\"}";
		String failed = "encore_sends_total{application=\"encore\",channel=\"line\",status=\"failed\"}";
		String before = scrape();

		// A LINE message to a customer Encore knows no LINE user id of.
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada")).andExpect(status().isAccepted());
		this.runtime.startProcessInstanceByKey("GuardrailProbe", customer,
				Map.of("probeChannel", "line", "probeType", "marketing"));
		this.clock.runDueJobs();

		String after = scrape();
		assertThat(value(after, failures) - value(before, failures)).isEqualTo(1);
		assertThat(value(after, failed) - value(before, failed)).isEqualTo(1);
	}

	/** A sample's value in a scrape; 0 before its first increment. */
	private static double value(String scrape, String series) {
		return scrape.lines()
			.filter((line) -> line.startsWith(series + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length() + 1)))
			.findFirst()
			.orElse(0);
	}

	private String scrape() throws Exception {
		return this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
