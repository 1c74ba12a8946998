package dev.encore.engine.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.goal.Conversions;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Entry rules, holdout, random split, local-time and event waits, exit and goal, on the
 * test journey {@code journeys/semantics-probe.bpmn} (test resources).
 */
class JourneySemanticsTest extends EncoreIntegrationTest {

	private static final String JOURNEY = "SemanticsProbe";

	@Autowired
	private Conversions conversions;

	@Test
	void entryFilterKeepsOutCustomersItDoesNotMatch() throws Exception {
		String outsider = newCustomerId();
		send(TestEvents.identify(outsider, outsider + "@example.org", "Bo")).andExpect(status().isAccepted());
		enter(outsider);
		assertThat(activeJourneys(outsider, JOURNEY)).isZero();

		String vip = vip(notInHoldout());
		enter(vip);
		assertThat(activeJourneys(vip, JOURNEY)).isEqualTo(1);
	}

	@Test
	void oneActiveInstanceAndReentryOnlyAfterThirtyDays() throws Exception {
		String customer = vip(notInHoldout());
		enter(customer);
		enter(customer);
		assertThat(activeJourneys(customer, JOURNEY)).isEqualTo(1);

		send(TestEvents.track("Probe Converted", customer)).andExpect(status().isAccepted());
		assertThat(activeJourneys(customer, JOURNEY)).isZero();

		this.clock.advance(Duration.ofDays(29));
		enter(customer);
		assertThat(activeJourneys(customer, JOURNEY)).isZero();

		this.clock.advance(Duration.ofDays(1));
		enter(customer);
		assertThat(activeJourneys(customer, JOURNEY)).isEqualTo(1);
	}

	@Test
	void holdoutCustomersGetNothingButTheirConversionsCount() throws Exception {
		String customer = vip(inHoldout());
		enter(customer);
		this.clock.runDueJobs();
		assertThat(endEvents(customer)).containsExactly("EndEventHoldout");
		assertThat(mailTo(customer)).isZero();

		send(TestEvents.track("Probe Converted", customer).with("revenue", 80)).andExpect(status().isAccepted());
		Conversions.Conversion conversion = this.conversions.forCustomer(customer).get(0);
		assertThat(conversion.holdout()).isTrue();
		assertThat(conversion.branch()).isEqualTo("holdout");
		assertThat(conversion.lastSendKey()).isNull();
	}

	@Test
	void branchAMailsAtOnceAndItsConversionIsCreditedToThatMail() throws Exception {
		String customer = vip(inBranch(0, 50));
		enter(customer);
		this.clock.runDueJobs();
		assertThat(mailTo(customer)).isEqualTo(1);

		this.clock.advance(Duration.ofHours(2));
		send(TestEvents.track("Probe Converted", customer).with("total", 120.5).with("currency", "TWD"))
			.andExpect(status().isAccepted());
		assertThat(endEvents(customer)).containsExactly("EndEventConverted");
		Conversions.Conversion conversion = this.conversions.forCustomer(customer).get(0);
		assertThat(conversion.branch()).isEqualTo("A");
		assertThat(conversion.holdout()).isFalse();
		assertThat(conversion.revenue()).isEqualByComparingTo("120.5");
		assertThat(conversion.currency()).isEqualTo("TWD");
		assertThat(conversion.lastTemplateId()).isEqualTo("cart-reminder");
		assertThat(conversion.lastSendKey()).contains(":SendTaskEmailA");
	}

	@Test
	void branchBWaitsUntilTenInTheCustomersTimeZoneAndCanBeExitedWhileWaiting() throws Exception {
		String customer = vip(inBranch(50, 100), "Asia/Taipei");
		// 09:00 UTC is 17:00 in Taipei: the next 10:00 there is tomorrow, 02:00 UTC.
		enter(customer);
		Job timer = this.management.createJobQuery().processInstanceId(instanceOf(customer)).timers().singleResult();
		assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));

		this.clock.advance(Duration.ofHours(16).plusMinutes(59));
		assertThat(mailTo(customer)).isZero();
		send(TestEvents.track("Probe Converted", customer)).andExpect(status().isAccepted());
		assertThat(endEvents(customer)).containsExactly("EndEventConverted");
		assertThat(this.conversions.forCustomer(customer)).singleElement()
			.satisfies((conversion) -> assertThat(conversion.branch()).isEqualTo("B"));
	}

	@Test
	void waitForClickEndsOnTheClickOrAfterTheTimeout() throws Exception {
		String clicker = vip(inBranch(0, 50));
		enter(clicker);
		this.clock.runDueJobs();
		send(TestEvents.track("Probe Clicked", clicker)).andExpect(status().isAccepted());
		assertThat(endEvents(clicker)).containsExactly("EndEventClicked");

		String silent = vip(inBranch(0, 50));
		enter(silent);
		this.clock.runDueJobs();
		this.clock.advance(Duration.ofHours(47));
		assertThat(activeJourneys(silent, JOURNEY)).isEqualTo(1);
		this.clock.advance(Duration.ofHours(1));
		assertThat(endEvents(silent)).containsExactly("EndEventTimedOut");
	}

	@Test
	void conversionAfterTheGoalWindowIsNotCredited() throws Exception {
		String customer = vip(inBranch(0, 50));
		enter(customer);
		this.clock.runDueJobs();
		send(TestEvents.track("Probe Clicked", customer)).andExpect(status().isAccepted());
		this.clock.advance(Duration.ofDays(7).plusMinutes(1));
		send(TestEvents.track("Probe Converted", customer)).andExpect(status().isAccepted());
		assertThat(this.conversions.forCustomer(customer)).isEmpty();
	}

	private void enter(String customer) throws Exception {
		send(TestEvents.track("Probe Entered", customer)).andExpect(status().isAccepted());
	}

	private String vip(Predicate<String> placement) throws Exception {
		return vip(placement, null);
	}

	/** A new VIP customer placed where the test needs (see {@link Buckets}). */
	private String vip(Predicate<String> placement, String timeZone) throws Exception {
		String customer = newCustomerId();
		while (!placement.test(customer)) {
			customer = newCustomerId();
		}
		TestEvents identify = TestEvents.identify(customer, customer + "@example.org", "Ada").withTrait("vip", true);
		if (timeZone != null) {
			identify.withTrait("timezone", timeZone);
		}
		send(identify).andExpect(status().isAccepted());
		return customer;
	}

	private static Predicate<String> inHoldout() {
		return (customer) -> Buckets.of(customer, JOURNEY, "holdout") < 20;
	}

	private static Predicate<String> notInHoldout() {
		return inHoldout().negate();
	}

	private static Predicate<String> inBranch(int fromPercent, int toPercent) {
		return notInHoldout().and((customer) -> {
			int place = Buckets.of(customer, JOURNEY, "GatewaySplit");
			return place >= fromPercent && place < toPercent;
		});
	}

	private String instanceOf(String customer) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(JOURNEY)
			.processInstanceBusinessKey(customer)
			.singleResult()
			.getId();
	}

	private List<String> endEvents(String customer) {
		return this.history.createHistoricActivityInstanceQuery()
			.activityType("noneEndEvent")
			.list()
			.stream()
			.filter((activity) -> customer.equals(businessKeyOf(activity)))
			.map(HistoricActivityInstance::getActivityId)
			.toList();
	}

	private String businessKeyOf(HistoricActivityInstance activity) {
		return this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(activity.getProcessInstanceId())
			.singleResult()
			.getBusinessKey();
	}

	private long mailTo(String customer) throws MessagingException {
		long count = 0;
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(customer + "@example.org")) {
				count++;
			}
		}
		return count;
	}

}
