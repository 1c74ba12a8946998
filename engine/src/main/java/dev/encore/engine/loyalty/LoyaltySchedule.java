package dev.encore.engine.loyalty;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every node asks every {@code encore.loyalty.check-every} whether today's loyalty scan
 * is due; the database lets one of them run it. Off in tests, which run the scan
 * themselves after moving the clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "encore.loyalty.scheduled", havingValue = "true", matchIfMissing = true)
class LoyaltySchedule {

	private final LoyaltyScan scan;

	LoyaltySchedule(LoyaltyScan scan) {
		this.scan = scan;
	}

	@Scheduled(fixedDelayString = "#{@loyaltyScan.checkEvery()}", initialDelayString = "PT1M")
	void runIfDue() {
		this.scan.runIfDue();
	}

}
