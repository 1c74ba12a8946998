package dev.encore.engine.delivery;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.connectors.line.LinePushSender;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestLineServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A send step never sends twice because its job ran twice: the job fails after the
 * provider accepted the message, Camunda reruns it, and the provider still holds exactly
 * one message.
 */
class SendIdempotencyTest extends EncoreIntegrationTest {

	private static final String PUSH = "/v2/bot/message/push";

	@Autowired
	private ProfileStore profiles;

	@Autowired
	private SendCrash crash;

	@Autowired
	private MessageLog messageLog;

	private final WireMockServer line = TestLineServer.get();

	private static final Map<String, dev.encore.engine.profile.Consent> GRANTED = Map.of("sms",
			new dev.encore.engine.profile.Consent(true, "checkout", START), "line",
			new dev.encore.engine.profile.Consent(true, "follow", START));

	@BeforeEach
	void resetLine() {
		this.line.resetAll();
	}

	private String customer(String email, String lineUserId) {
		String id = newCustomerId();
		this.profiles.save(new CustomerProfile(id, email, "+886912345678", "小美", null, "zh-TW", "Asia/Taipei", Map.of(),
				Map.of("products", List.of(Map.of("name", "烏龍茶", "quantity", 1))), lineUserId, null, GRANTED, null,
				null, null));
		return id;
	}

	private Job startProbe(String customerId, String channel, boolean crashAfterSend) {
		String pid = this.runtime
			.startProcessInstanceByKey("SendCrashProbe", customerId, Map.of("probeChannel", channel))
			.getId();
		if (crashAfterSend) {
			this.crash.arm(pid);
		}
		return this.management.createJobQuery().processInstanceId(pid).singleResult();
	}

	@Test
	void emailJobRerunAfterACrashDoesNotSendAgainAndReportsUnknown() throws Exception {
		String customerId = customer("mei@example.com", null);
		Job job = startProbe(customerId, "email", true);

		assertThatThrownBy(() -> this.management.executeJob(job.getId())).hasMessageContaining("Simulated crash");
		assertThat(this.smtp.getReceivedMessages()).hasSize(1);
		this.management.executeJob(job.getId());

		assertThat(this.smtp.getReceivedMessages()).hasSize(1);
		assertThat(this.messageLog.forCustomer(customerId)).singleElement().satisfies((entry) -> {
			assertThat(entry.status()).isEqualTo("unknown");
			assertThat(entry.reason()).isEqualTo("interrupted_during_send");
		});
		assertThat(activeJourneys(customerId, "SendCrashProbe")).isZero();
	}

	@Test
	void lineJobRerunAfterACrashResendsWithTheSameRetryKeyAndCountsTheConflictAsSent() {
		this.line.stubFor(post(PUSH).inScenario("crash")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(200).withHeader("x-line-request-id", "req-1").withBody("{}"))
			.willSetStateTo("accepted"));
		this.line.stubFor(post(PUSH).inScenario("crash")
			.whenScenarioStateIs("accepted")
			.willReturn(aResponse().withStatus(409)
				.withHeader("Content-Type", "application/json")
				.withHeader("x-line-accepted-request-id", "req-1")
				.withBody("{\"message\":\"The retry key is already accepted\"}")));
		String customerId = customer(null, "U0123456789abcdef0123456789abcdef");
		Job job = startProbe(customerId, "line", true);

		assertThatThrownBy(() -> this.management.executeJob(job.getId())).hasMessageContaining("Simulated crash");
		this.management.executeJob(job.getId());

		String retryKey = LinePushSender.retryKey(job.getProcessInstanceId() + ":SendTaskProbe").toString();
		this.line.verify(2,
				postRequestedFor(urlEqualTo(PUSH)).withHeader("X-Line-Retry-Key", equalTo(retryKey))
					.withHeader("Authorization", equalTo("Bearer test-line-token"))
					.withRequestBody(matchingJsonPath("$.messages[0].type", equalTo("flex"))));
		assertThat(this.messageLog.forCustomer(customerId)).singleElement().satisfies((entry) -> {
			assertThat(entry.status()).isEqualTo("sent");
			assertThat(entry.providerMessageId()).isEqualTo("req-1");
			assertThat(entry.subject()).isEqualTo("小美，您的購物車還在等您");
		});
	}

	@Test
	void marketingEmailIsMultipartAlternativeWithOneClickUnsubscribeAndAnEncodedChineseSubject() throws Exception {
		String customerId = customer("mei@example.com", null);
		this.management.executeJob(startProbe(customerId, "email", false).getId());

		assertThat(this.smtp.getReceivedMessages()).hasSize(1);
		MimeMessage mail = this.smtp.getReceivedMessages()[0];
		assertThat(mail.getSubject()).isEqualTo("小美，您的購物車還在等您");
		assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
		assertThat(mail.getHeader("List-Unsubscribe")[0]).startsWith("<https://")
			.contains("/unsubscribe/")
			.endsWith(">");
		assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(mail.getMessageID()).isNotBlank();
		assertThat(containsAlternative((MimeMultipart) mail.getContent())).isTrue();
		assertThat(this.messageLog.forCustomer(customerId)).singleElement()
			.satisfies((entry) -> assertThat(entry.status()).isEqualTo("sent"));
	}

	@Test
	void smsWithoutTwilioCredentialsIsRecordedBySandboxOnce() {
		String customerId = customer(null, null);
		Job job = startProbe(customerId, "sms", false);
		this.management.executeJob(job.getId());

		assertThat(this.messageLog.forCustomer(customerId)).singleElement().satisfies((entry) -> {
			assertThat(entry.channel()).isEqualTo("sms");
			assertThat(entry.status()).isEqualTo("sent");
			assertThat(entry.preview()).contains("小美").contains("1 件商品");
		});
	}

	@Test
	void missingAddressFailsTheStepWithAReasonAndTheJourneyContinues() {
		String customerId = customer(null, null);
		this.management.executeJob(startProbe(customerId, "line", false).getId());

		assertThat(this.messageLog.forCustomer(customerId)).singleElement()
			.satisfies((entry) -> assertThat(entry.reason()).isEqualTo("no_address:line"));
		assertThat(activeJourneys(customerId, "SendCrashProbe")).isZero();
		this.line.verify(0, postRequestedFor(urlEqualTo(PUSH)));
	}

	@Test
	void retryAfterFromTheProviderPostponesTheJobRetryBeyondTheRetryCycle() {
		this.line.stubFor(post(PUSH).inScenario("busy")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600").withBody("{}"))
			.willSetStateTo("calm"));
		this.line.stubFor(post(PUSH).inScenario("busy")
			.whenScenarioStateIs("calm")
			.willReturn(aResponse().withStatus(200).withHeader("x-line-request-id", "req-late").withBody("{}")));
		String customerId = customer(null, "U0123456789abcdef0123456789abcdef");
		startProbe(customerId, "line", false);

		this.clock.runDueJobs();
		assertThat(this.messageLog.forCustomer(customerId)).singleElement()
			.satisfies((entry) -> assertThat(entry.status()).isEqualTo("retrying"));
		this.clock.advance(java.time.Duration.ofMinutes(10));
		this.line.verify(1, postRequestedFor(urlEqualTo(PUSH)));

		this.clock.advance(java.time.Duration.ofMinutes(51));
		this.line.verify(2, postRequestedFor(urlEqualTo(PUSH)));
		assertThat(this.messageLog.forCustomer(customerId)).singleElement().satisfies((entry) -> {
			assertThat(entry.status()).isEqualTo("sent");
			assertThat(entry.providerMessageId()).isEqualTo("req-late");
		});
	}

	@Test
	void transientFailuresRetryOnTheCycleAndEndInAnIncident() {
		this.line.stubFor(post(PUSH).willReturn(aResponse().withStatus(503).withBody("{}")));
		String customerId = customer(null, "U0123456789abcdef0123456789abcdef");
		Job job = startProbe(customerId, "line", false);

		this.clock.runDueJobs();
		for (int i = 0; i < 6; i++) {
			this.clock.advance(java.time.Duration.ofMinutes(5));
		}

		this.line.verify(5, postRequestedFor(urlEqualTo(PUSH)));
		assertThat(this.runtime.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count())
			.isEqualTo(1);
		assertThat(this.messageLog.forCustomer(customerId)).singleElement()
			.satisfies((entry) -> assertThat(entry.reason()).isEqualTo("line_503"));

		// The provider is back; an operator retries the job from Cockpit: delivered once.
		this.line.resetAll();
		this.line.stubFor(post(PUSH).willReturn(aResponse().withStatus(200).withBody("{}")));
		Job failed = this.management.createJobQuery().processInstanceId(job.getProcessInstanceId()).singleResult();
		this.management.setJobRetries(failed.getId(), 1);
		this.clock.runDueJobs();
		this.clock.advance(java.time.Duration.ofHours(1));
		this.line.verify(1, postRequestedFor(urlEqualTo(PUSH)));
		assertThat(this.messageLog.forCustomer(customerId)).singleElement()
			.satisfies((entry) -> assertThat(entry.status()).isEqualTo("sent"));
		assertThat(this.runtime.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count()).isZero();
	}

	@Test
	void anOutageForAStretchOfTimeEndsInOneDeliveryAndAPermanentRefusalIsNotRetried() {
		this.line.stubFor(post(PUSH).inScenario("outage")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withBody("{}"))
			.willSetStateTo("still down"));
		this.line.stubFor(post(PUSH).inScenario("outage")
			.whenScenarioStateIs("still down")
			.willReturn(aResponse().withStatus(502).withBody("{}"))
			.willSetStateTo("back"));
		this.line.stubFor(post(PUSH).inScenario("outage")
			.whenScenarioStateIs("back")
			.willReturn(aResponse().withStatus(200).withBody("{}")));
		String customerId = customer(null, "U0123456789abcdef0123456789abcdef");
		startProbe(customerId, "line", false);
		this.clock.runDueJobs();
		this.clock.advance(java.time.Duration.ofMinutes(5));
		this.clock.advance(java.time.Duration.ofMinutes(5));
		this.clock.advance(java.time.Duration.ofHours(2));
		this.line.verify(3, postRequestedFor(urlEqualTo(PUSH)));
		assertThat(this.messageLog.forCustomer(customerId)).singleElement()
			.satisfies((entry) -> assertThat(entry.status()).isEqualTo("sent"));

		this.line.resetAll();
		this.line.stubFor(post(PUSH).willReturn(aResponse().withStatus(400).withBody("{\"message\":\"bad\"}")));
		String refused = customer(null, "U0123456789abcdef0123456789abcdee");
		startProbe(refused, "line", false);
		this.clock.runDueJobs();
		this.clock.advance(java.time.Duration.ofHours(2));
		this.line.verify(1, postRequestedFor(urlEqualTo(PUSH)));
		assertThat(this.messageLog.forCustomer(refused)).singleElement()
			.satisfies((entry) -> assertThat(entry.status()).isEqualTo("failed"));
	}

	private static boolean containsAlternative(MimeMultipart multipart) throws Exception {
		if (multipart.getContentType().toLowerCase().startsWith("multipart/alternative")) {
			return true;
		}
		for (int i = 0; i < multipart.getCount(); i++) {
			if (multipart.getBodyPart(i).getContent() instanceof MimeMultipart nested && containsAlternative(nested)) {
				return true;
			}
		}
		return false;
	}

}
