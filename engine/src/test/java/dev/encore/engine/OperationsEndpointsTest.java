package dev.encore.engine;

import java.time.Duration;

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
	void probesReportTheStoresEncoreUses() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.mail.status").value("UP"));
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
		assertThat(scrape()).contains("encore_journeys_active{application=\"encore\",journey=\"AbandonedCart\"} 0.0")
			.contains("encore_jobs_due{application=\"encore\"} 0.0")
			.contains("encore_jobs_failed{application=\"encore\"} 0.0");
	}

	private String scrape() throws Exception {
		return this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
