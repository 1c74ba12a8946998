package dev.encore.engine.profile;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every node asks every {@code encore.profile.birthday.check-every} whether this hour's
 * birthday scan is due; the database lets one of them run it. Off in tests, which run the
 * scan themselves after moving the clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "encore.profile.birthday.scheduled", havingValue = "true", matchIfMissing = true)
class BirthdaySchedule {

	private final BirthdayScan scan;

	BirthdaySchedule(BirthdayScan scan) {
		this.scan = scan;
	}

	@Scheduled(fixedDelayString = "#{@birthdayScan.checkEvery()}", initialDelayString = "PT1M")
	void runIfDue() {
		this.scan.runIfDue();
	}

}
