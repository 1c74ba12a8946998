package dev.encore.engine.profile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.testsupport.RedisIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Recalibration deploys a new version of the segment rules that scoring then uses. */
class RfmCalibrationTest extends RedisIntegrationTest {

	@Autowired
	RfmCalibration calibration;

	@AfterEach
	void restoreMarketersRules() {
		deleteDeployments(RfmCalibration.DEPLOYMENT_NAME);
	}

	@Test
	void recalibrationDeploysNewThresholdsOnlyWithEnoughCustomers() throws Exception {
		for (int i = 0; i < 5; i++) {
			send(TestEvents.orderCompleted(newCustomerId())).andExpect(status().isAccepted());
		}
		int before = latestVersion();

		assertThat(this.calibration.recalibrate(1_000_000)).isFalse();
		assertThat(latestVersion()).isEqualTo(before);

		assertThat(this.calibration.recalibrate(5)).isTrue();
		assertThat(latestVersion()).isEqualTo(before + 1);
		String customer = newCustomerId();
		send(TestEvents.orderCompleted(customer)).andExpect(status().isAccepted());
		this.mvc.perform(get("/api/v1/customers/{id}", customer)).andExpect(jsonPath("$.rfm.recencyScore").value(5));
	}

	private int latestVersion() {
		return this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(RfmSegments.SEGMENT_DECISION)
			.latestVersion()
			.singleResult()
			.getVersion();
	}

}
