package dev.encore.engine.journey;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.encore.engine.event.EventNames;
import dev.encore.engine.profile.BirthdayScan;
import dev.encore.engine.testsupport.JourneyScenarioTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The birthday reward (journeys/birthday-reward.bpmn) started by the hourly birthday
 * scan, across time zones and years, mail read at the SMTP server.
 */
class BirthdayRewardScenarioTest extends JourneyScenarioTest {

	private static final String JOURNEY = "BirthdayReward";

	private static final String TAIPEI = "Asia/Taipei";

	private static final String NEW_YORK = "America/New_York";

	@Autowired
	private BirthdayScan birthdays;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void eachCustomerGetsTheRewardAtTenOnTheirOwnBirthdayMorning() throws Exception {
		String taipei = customer("timezone", TAIPEI, "birthday", "1990-12-05");
		String newYork = customer("timezone", NEW_YORK, "birthday", "1990-12-05");

		// 01:00 on December 5 in Taipei, still noon on December 4 in New York.
		scanAt("2026-12-04T17:00:00Z");
		assertThat(waitingAt(JOURNEY, taipei)).containsExactly("TimerWaitRewardTime");
		assertThat(activeJourneys(newYork, JOURNEY)).isZero();

		// 09:59 in Taipei.
		this.clock.setTo(Instant.parse("2026-12-05T01:59:00Z"));
		this.clock.runDueJobs();
		assertThat(mailTo(taipei)).isEmpty();
		this.clock.setTo(Instant.parse("2026-12-05T02:00:00Z"));
		this.clock.runDueJobs();
		assertThat(subjects(taipei)).containsExactly("Happy birthday, Ada!");
		assertThat(body(mailTo(taipei).get(0))).contains("BIRTHDAY20");
		assertThat(endEvents(JOURNEY, taipei)).containsExactly("EndEventRewardSent");

		// Midnight in New York: its customer's day has come; 10:00 there is 15:00 UTC.
		scanAt("2026-12-05T05:00:00Z");
		assertThat(waitingAt(JOURNEY, newYork)).containsExactly("TimerWaitRewardTime");
		this.clock.setTo(Instant.parse("2026-12-05T15:00:00Z"));
		this.clock.runDueJobs();
		assertThat(subjects(newYork)).containsExactly("Happy birthday, Ada!");
		assertThat(mailTo(taipei)).hasSize(1);
	}

	@Test
	void theScanRunsEveryHourButTheRewardComesOnceAYear() throws Exception {
		String customer = customer("timezone", TAIPEI, "birthday", "1985-12-05", "locale", "zh-TW");
		scanAt("2026-12-04T17:00:00Z");
		this.clock.setTo(Instant.parse("2026-12-05T02:00:00Z"));
		this.clock.runDueJobs();
		assertThat(subjects(customer)).containsExactly("Ada，生日快樂！");

		scanAt("2026-12-05T03:00:00Z");
		scanAt("2026-12-05T15:00:00Z");
		assertThat(birthdayEvents(customer)).isOne();
		assertThat(activeJourneys(customer, JOURNEY)).isZero();
		this.clock.setTo(Instant.parse("2026-12-06T02:00:00Z"));
		this.clock.runDueJobs();
		assertThat(mailTo(customer)).hasSize(1);

		scanAt("2027-12-04T16:30:00Z");
		this.clock.setTo(Instant.parse("2027-12-05T02:00:00Z"));
		this.clock.runDueJobs();
		assertThat(mailTo(customer)).hasSize(2);
		assertThat(birthdayEvents(customer)).isEqualTo(2);
		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventRewardSent", "EndEventRewardSent");
	}

	@Test
	void aLeapDayBirthdayIsCelebratedOnFebruaryTwentyEighthInOtherYears() throws Exception {
		String customer = customer("timezone", TAIPEI, "birthday", "02-29");

		scanAt("2027-02-27T15:00:00Z");
		assertThat(activeJourneys(customer, JOURNEY)).isZero();
		scanAt("2027-02-27T16:00:00Z");
		assertThat(activeJourneys(customer, JOURNEY)).isOne();
		this.clock.setTo(Instant.parse("2027-02-28T02:00:00Z"));
		this.clock.runDueJobs();
		assertThat(mailTo(customer)).hasSize(1);

		// 2028 is a leap year: February 28 is no birthday, February 29 is.
		scanAt("2028-02-27T16:00:00Z");
		assertThat(activeJourneys(customer, JOURNEY)).isZero();
		scanAt("2028-02-28T16:00:00Z");
		assertThat(activeJourneys(customer, JOURNEY)).isOne();
	}

	@Test
	void aCustomerWithoutATimeZoneCelebratesInTheShopsZone() throws Exception {
		String customer = customer("birthday", "1990-12-05");

		scanAt("2026-12-04T23:00:00Z");
		assertThat(activeJourneys(customer, JOURNEY)).isZero();
		scanAt("2026-12-05T00:00:00Z");
		this.clock.setTo(Instant.parse("2026-12-05T10:00:00Z"));
		this.clock.runDueJobs();
		assertThat(subjects(customer)).containsExactly("Happy birthday, Ada!");
	}

	@Test
	void oneNodeRunsEachHoursScan() {
		this.clock.setTo(Instant.parse("2031-06-01T08:10:00Z"));
		assertThat(this.birthdays.runIfDue()).isTrue();
		this.clock.setTo(Instant.parse("2031-06-01T08:55:00Z"));
		assertThat(this.birthdays.runIfDue()).isFalse();
		this.clock.setTo(Instant.parse("2031-06-01T09:00:00Z"));
		assertThat(this.birthdays.runIfDue()).isTrue();
	}

	private long birthdayEvents(String customer) {
		return this.jdbc.sql("SELECT COUNT(*) FROM encore_event WHERE customer_id = ? AND event_name = ?")
			.params(customer, EventNames.BIRTHDAY_REACHED)
			.query(Long.class)
			.single();
	}

	private void scanAt(String instant) {
		this.clock.setTo(Instant.parse(instant));
		this.birthdays.scan();
		this.clock.runDueJobs();
	}

}
