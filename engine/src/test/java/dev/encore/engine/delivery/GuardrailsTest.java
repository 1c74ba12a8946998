package dev.encore.engine.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every send goes through consent, sunset, suppression list, caps and quiet hours; a
 * stopped step lets the journey go on and the message log says why.
 */
class GuardrailsTest extends EncoreIntegrationTest {

	/** 22:00 in Taipei. */
	private static final Instant TAIPEI_EVENING = Instant.parse("2026-11-23T14:00:00Z");

	@Autowired
	private MessageLog messageLog;

	@Autowired
	private dev.encore.engine.profile.ProfileStore profiles;

	private String customer(Map<String, Object> consents) throws Exception {
		String id = newCustomerId();
		send(TestEvents.identify(id, id + "@example.org", "Mei")
			.withTrait("phone", "+886912345678")
			.withTrait("timezone", "Asia/Taipei")
			.withTrait("consents", consents)).andExpect(status().isAccepted());
		// The probe sends the cart templates.
		send(TestEvents.checkoutStarted(id).withProduct("Oolong tea", 1, 12.0)).andExpect(status().isAccepted());
		return id;
	}

	private String probe(String customer, String channel, String type) {
		return this.runtime
			.startProcessInstanceByKey("GuardrailProbe", customer, Map.of("probeChannel", channel, "probeType", type))
			.getId();
	}

	/** The probe's rows (the checkout also started the cart journey). */
	private java.util.List<MessageLog.Entry> probeRows(String customer) {
		return this.messageLog.forCustomer(customer)
			.stream()
			.filter((entry) -> entry.journey().equals("GuardrailProbe"))
			.toList();
	}

	private MessageLog.Entry step(String customer, String activity) {
		return probeRows(customer).stream()
			.filter((entry) -> entry.activityId().equals(activity))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void smsWithoutConsentIsSuppressedAndTheJourneyGoesOnToItsEmail() throws Exception {
		String customer = customer(Map.of());
		probe(customer, "sms", "marketing");
		this.clock.runDueJobs();

		assertThat(step(customer, "SendTaskProbe").status()).isEqualTo("suppressed");
		assertThat(step(customer, "SendTaskProbe").reason()).isEqualTo("no_consent:sms");
		assertThat(step(customer, "SendTaskFollowUpEmail").status()).isEqualTo("sent");
		assertThat(activeJourneys(customer, "GuardrailProbe")).isZero();
		this.mvc.perform(get("/api/v1/customers/{id}/messages", customer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("no_consent:sms")));
		this.mvc.perform(get("/api/v1/customers/{id}/timeline", customer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("no_consent:sms")));
		String definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("GuardrailProbe")
			.latestVersion()
			.singleResult()
			.getId();
		this.mvc.perform(get("/api/v1/analytics/journeys/{id}", definition))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.messages[?(@.activityId == 'SendTaskProbe' && @.reason == 'no_consent:sms')].count")
				.isNotEmpty());
		this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(content().string(containsString("channel=\"sms\",reason=\"no_consent:sms\"")));
	}

	@Test
	void withdrawnSmsConsentStopsEvenTransactionalSmsButAnEmailUnsubscribeOnlyStopsMarketing() throws Exception {
		String customer = customer(Map.of("sms", "revoked", "email", "revoked"));
		probe(customer, "sms", "transactional");
		this.clock.runDueJobs();
		assertThat(step(customer, "SendTaskProbe").reason()).isEqualTo("unsubscribed:sms");
		assertThat(step(customer, "SendTaskFollowUpEmail").reason()).isEqualTo("unsubscribed:email");

		String other = customer(Map.of("email", "revoked"));
		probe(other, "email", "transactional");
		this.clock.runDueJobs();
		assertThat(step(other, "SendTaskProbe").status()).isEqualTo("sent");
	}

	@Test
	void marketingSmsAtTenInTheEveningWaitsUntilNineInTheMorningAndTransactionalGoesAtOnce() throws Exception {
		this.clock.setTo(TAIPEI_EVENING);
		String customer = customer(Map.of("sms", "granted"));
		String instance = probe(customer, "sms", "marketing");
		this.clock.runDueJobs();

		MessageLog.Entry deferred = step(customer, "SendTaskProbe");
		assertThat(deferred.status()).isEqualTo("deferred");
		assertThat(deferred.reason()).isEqualTo("quiet_hours:sms");
		assertThat(deferred.deferredUntil()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
		this.mvc.perform(get("/api/v1/customers/{id}/timeline", customer))
			.andExpect(content().string(containsString("quiet_hours:sms until 2026-11-24T01:00:00Z")));
		// Support sees when the deferred send goes, in the customer's zone and UTC.
		this.mvc.perform(get("/api/v1/customers/{id}/journeys", customer))
			.andExpect(jsonPath("$[?(@.journey == 'GuardrailProbe')].nextStep.activityId").value("SendTaskProbe"))
			.andExpect(jsonPath("$[?(@.journey == 'GuardrailProbe')].nextStep.dueAt").value("2026-11-24T01:00:00Z"))
			.andExpect(
					jsonPath("$[?(@.journey == 'GuardrailProbe')].nextStep.dueLocal").value("2026-11-24 09:00 +08:00"));
		assertThat(this.management.createJobQuery().processInstanceId(instance).singleResult().getRetries())
			.as("a deferral is no failure")
			.isEqualTo(5);

		this.clock.advance(Duration.ofHours(10).plusMinutes(59));
		assertThat(step(customer, "SendTaskProbe").status()).isEqualTo("deferred");
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(step(customer, "SendTaskProbe").status()).isEqualTo("sent");
		assertThat(step(customer, "SendTaskProbe").createdAt()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));

		String urgent = customer(Map.of("sms", "granted"));
		probe(urgent, "sms", "transactional");
		this.clock.runDueJobs();
		assertThat(step(urgent, "SendTaskProbe").status()).isEqualTo("sent");
	}

	@Test
	void theExitEventEndsAJourneyWaitingOutQuietHoursAndNothingIsSent() throws Exception {
		this.clock.setTo(TAIPEI_EVENING);
		String customer = customer(Map.of("sms", "granted"));
		probe(customer, "sms", "marketing");
		this.clock.runDueJobs();
		assertThat(step(customer, "SendTaskProbe").status()).isEqualTo("deferred");

		send(TestEvents.track("Probe Converted", customer)).andExpect(status().isAccepted());
		assertThat(activeJourneys(customer, "GuardrailProbe")).isZero();
		this.clock.advance(Duration.ofHours(12));
		assertThat(probeRows(customer)).extracting(MessageLog.Entry::status).containsExactly("deferred");
	}

	@Test
	void aSunsetCustomerGetsNoMarketingOnAnyChannelButTransactionalStillGoes() throws Exception {
		String customer = customer(Map.of("sms", "granted"));
		this.profiles.sunset(customer, this.clock.now());
		probe(customer, "sms", "marketing");
		this.clock.runDueJobs();
		assertThat(step(customer, "SendTaskProbe").reason()).isEqualTo("sunset");
		assertThat(step(customer, "SendTaskFollowUpEmail").reason()).isEqualTo("sunset");

		String urgent = probe(customer, "email", "transactional");
		this.clock.runDueJobs();
		assertThat(probeRows(customer)).filteredOn((entry) -> entry.processInstanceId().equals(urgent))
			.extracting(MessageLog.Entry::activityId, MessageLog.Entry::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("SendTaskProbe", "sent"),
					org.assertj.core.groups.Tuple.tuple("SendTaskFollowUpEmail", "suppressed"));
	}

	@Test
	void consentIsCheckedBeforeSunsetAndSunsetBeforeTheSuppressionList() throws Exception {
		String unsubscribed = customer(Map.of("email", "revoked"));
		this.profiles.sunset(unsubscribed, this.clock.now());
		probe(unsubscribed, "email", "marketing");
		this.clock.runDueJobs();
		assertThat(step(unsubscribed, "SendTaskProbe").reason()).isEqualTo("unsubscribed:email");

		String suppressed = customer(Map.of());
		this.profiles.sunset(suppressed, this.clock.now());
		this.mvc
			.perform(
					post("/api/v1/suppressions").contentType(MediaType.APPLICATION_JSON)
						.content("{\"channel\":\"email\",\"address\":\"" + suppressed
								+ "@example.org\",\"reason\":\"manual\"}"))
			.andExpect(status().isCreated());
		probe(suppressed, "email", "marketing");
		this.clock.runDueJobs();
		assertThat(step(suppressed, "SendTaskProbe").reason()).isEqualTo("sunset");
	}

	@Test
	void theSecondMarketingSmsOfADayIsCappedAndTheJourneyGoesOn() throws Exception {
		String customer = customer(Map.of("sms", "granted"));
		probe(customer, "sms", "marketing");
		this.clock.runDueJobs();
		probe(customer, "sms", "marketing");
		this.clock.runDueJobs();

		assertThat(probeRows(customer)).filteredOn((entry) -> entry.channel().equals("sms"))
			.extracting(MessageLog.Entry::status, MessageLog.Entry::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("sent", null),
					org.assertj.core.groups.Tuple.tuple("suppressed", "capped:sms_per_day"));
		assertThat(activeJourneys(customer, "GuardrailProbe")).isZero();
	}

	@Test
	void aJourneyCanAllowItselfMoreThanTheShopWideCap() throws Exception {
		String customer = customer(Map.of("sms", "granted"));
		for (int i = 0; i < 3; i++) {
			this.runtime.startProcessInstanceByKey("GuardrailProbeTwoSms", customer,
					Map.of("probeChannel", "sms", "probeType", "marketing"));
			this.clock.runDueJobs();
		}
		assertThat(this.messageLog.forCustomer(customer)).filteredOn((entry) -> entry.channel().equals("sms"))
			.extracting(MessageLog.Entry::status)
			.containsExactly("sent", "sent", "suppressed");
	}

	@Test
	void anAddressThatDoesNotExistIsSuppressedForGood() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Mei")
			.withTrait("lineUserId", "not-a-line-user")
			.withTrait("consents", Map.of("line", "granted"))).andExpect(status().isAccepted());
		send(TestEvents.checkoutStarted(customer).withProduct("Oolong tea", 1, 12.0)).andExpect(status().isAccepted());
		probe(customer, "line", "transactional");
		this.clock.runDueJobs();
		assertThat(step(customer, "SendTaskProbe").reason()).isEqualTo("invalid_line_user");
		this.mvc.perform(get("/api/v1/suppressions").param("channel", "line"))
			.andExpect(jsonPath("$[?(@.address == 'not-a-line-user')].reason").value("HARD_BOUNCE"));

		probe(customer, "line", "transactional");
		this.clock.runDueJobs();
		assertThat(probeRows(customer)).extracting(MessageLog.Entry::reason).contains("suppressed:hard_bounce");
	}

	@Test
	void aSuppressedAddressGetsNothingUntilSupportLiftsIt() throws Exception {
		String customer = customer(Map.of());
		String address = customer + "@example.org";
		this.mvc
			.perform(post("/api/v1/suppressions").contentType(MediaType.APPLICATION_JSON)
				.content("{\"channel\":\"email\",\"address\":\"" + address.toUpperCase()
						+ "\",\"reason\":\"complaint\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.reason").value("COMPLAINT"));
		this.mvc.perform(get("/api/v1/suppressions").param("channel", "email"))
			.andExpect(jsonPath("$[?(@.address == '" + address.toLowerCase() + "')]").exists());

		probe(customer, "email", "transactional");
		this.clock.runDueJobs();
		assertThat(step(customer, "SendTaskProbe").reason()).isEqualTo("suppressed:complaint");
		assertThat(step(customer, "SendTaskFollowUpEmail").reason()).isEqualTo("suppressed:complaint");

		this.mvc.perform(delete("/api/v1/suppressions/email/{address}", address)).andExpect(status().isNoContent());
		String again = probe(customer, "email", "marketing");
		this.clock.runDueJobs();
		assertThat(probeRows(customer)).filteredOn((e) -> e.processInstanceId().equals(again))
			.extracting(MessageLog.Entry::status)
			.containsOnly("sent");
	}

	@Test
	void badSuppressionRequestsNameTheField() throws Exception {
		this.mvc
			.perform(post("/api/v1/suppressions").contentType(MediaType.APPLICATION_JSON)
				.content("{\"channel\":\"fax\",\"address\":\"x\",\"reason\":\"manual\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(containsString("channel")))
			.andExpect(content().string(containsString("must be one of email, sms, line")));
		this.mvc.perform(get("/api/v1/suppressions").param("channel", "fax")).andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/suppressions").contentType(MediaType.APPLICATION_JSON)
				.content("{\"channel\":\"sms\",\"address\":\"\",\"reason\":\"because\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("address")))
			.andExpect(content().string(containsString("reason")));
	}

}
