package dev.encore.engine.profile;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every node asks every {@code encore.profile.churn.check-every} whether today's scan is
 * due (and, when enabled, this week's RFM recalibration); the database lets one of them
 * run it. Off in tests, which run the scan themselves after moving the clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "encore.profile.churn.scheduled", havingValue = "true", matchIfMissing = true)
class ProfileSchedule {

	private final ChurnScan scan;

	private final RfmCalibration calibration;

	ProfileSchedule(ChurnScan scan, RfmCalibration calibration) {
		this.scan = scan;
		this.calibration = calibration;
	}

	@Scheduled(fixedDelayString = "#{@churnScan.checkEvery()}", initialDelayString = "PT1M")
	void runIfDue() {
		this.calibration.runIfDue();
		this.scan.runIfDue();
	}

}
