package dev.encore.engine.consent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.profile.Consent;
import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Consent changed by support, by the customer's unsubscribe link, by SMS keywords and by
 * LINE follow/unfollow, each signed where it comes from a provider.
 */
class ConsentTest extends EncoreIntegrationTest {

	@Autowired
	private ProfileStore profiles;

	@Autowired
	private MessageLog messageLog;

	@Autowired
	private org.springframework.web.context.WebApplicationContext context;

	private String customer(String phone, String lineUserId, String locale) throws Exception {
		String id = newCustomerId();
		TestEvents identify = TestEvents.identify(id, id + "@example.org", "Mei")
			.withTrait("consents", Map.of("sms", "granted", "line", "granted"));
		if (phone != null) {
			identify.withTrait("phone", phone);
		}
		if (lineUserId != null) {
			identify.withTrait("lineUserId", lineUserId);
		}
		if (locale != null) {
			identify.withTrait("locale", locale);
		}
		send(identify).andExpect(status().isAccepted());
		return id;
	}

	private Consent consent(String customer, String channel) {
		return this.profiles.find(customer).orElseThrow().consents().get(channel);
	}

	@Test
	void supportSetsConsentWithSourceAndTime() throws Exception {
		String customer = customer(null, null, null);
		this.mvc
			.perform(put("/api/v1/customers/{id}/consents", customer).contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\": {\"status\": \"revoked\", \"source\": \"phone call\"}, \"sms\": false}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email.granted").value(false))
			.andExpect(jsonPath("$.email.source").value("api:admin:phone call"))
			.andExpect(jsonPath("$.sms.granted").value(false));
		assertThat(consent(customer, "email").at()).isEqualTo(START);

		this.mvc
			.perform(put("/api/v1/customers/{id}/consents", customer).contentType(MediaType.APPLICATION_JSON)
				.content("{\"fax\": \"granted\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(containsString("fax")));
		this.mvc
			.perform(put("/api/v1/customers/{id}/consents", customer).contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\": \"maybe\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("email")));
		this.mvc
			.perform(put("/api/v1/customers/{id}/consents", "nobody-" + UUID.randomUUID())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\": \"granted\"}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void oneClickFromTheMailClientUnsubscribesAndTheNextMarketingEmailIsSuppressed() throws Exception {
		String customer = customer(null, null, null);
		send(TestEvents.checkoutStarted(customer).withProduct("Oolong tea", 1, 12.0)).andExpect(status().isAccepted());
		this.clock.advance(Duration.ofHours(1));
		MimeMessage reminder = this.smtp.getReceivedMessages()[this.smtp.getReceivedMessages().length - 1];
		String header = reminder.getHeader("List-Unsubscribe")[0];
		assertThat(reminder.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		String path = header.substring(header.indexOf("/unsubscribe/"), header.length() - 1);
		assertThat(path).doesNotContain(customer);

		this.mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString("<button")));
		assertThat(consent(customer, "email")).isNull();

		this.mvc
			.perform(
					post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Location"));
		assertThat(consent(customer, "email").granted()).isFalse();
		assertThat(consent(customer, "email").source()).isEqualTo("unsubscribe_link:marketing");

		this.clock.advance(Duration.ofHours(23));
		assertThat(this.messageLog.forCustomer(customer)).extracting(MessageLog.Entry::status, MessageLog.Entry::reason)
			.contains(org.assertj.core.groups.Tuple.tuple("suppressed", "unsubscribed:email"));
	}

	@Test
	void theConfirmationPageSpeaksTheCustomersLanguageAndATamperedOrForeignTokenChangesNothing() throws Exception {
		String mei = customer(null, null, "zh-TW");
		String ada = customer(null, null, null);
		String link = this.links.link(mei, dev.encore.connectors.Channel.EMAIL, "marketing");
		String path = link.substring(link.indexOf("/unsubscribe/"));
		this.mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString("取消訂閱")));
		this.mvc
			.perform(get(this.links.link(ada, dev.encore.connectors.Channel.EMAIL, "marketing")
				.substring(link.indexOf("/unsubscribe/"))))
			.andExpect(content().string(containsString("Unsubscribe")));

		// A changed character anywhere, including the spare bits of the last one.
		for (int at : new int[] { path.length() / 2, path.length() - 1 }) {
			for (char to : new char[] { 'A', 'B' }) {
				if (path.charAt(at) == to) {
					continue;
				}
				String tampered = path.substring(0, at) + to + path.substring(at + 1);
				this.mvc
					.perform(post(tampered).contentType(MediaType.APPLICATION_FORM_URLENCODED)
						.content("List-Unsubscribe=One-Click"))
					.andExpect(status().isBadRequest());
				this.mvc.perform(get(tampered)).andExpect(status().isBadRequest());
			}
		}
		this.mvc
			.perform(post("/unsubscribe/" + "x".repeat(60)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("List-Unsubscribe=One-Click"))
			.andExpect(status().isBadRequest());
		assertThat(consent(mei, "email")).isNull();

		// The confirm button on the page.
		this.mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("confirm=yes"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已為您取消訂閱")));
		assertThat(consent(mei, "email").granted()).isFalse();
		assertThat(consent(ada, "email")).as("only the link's own customer").isNull();
	}

	@Autowired
	private dev.encore.engine.delivery.UnsubscribeLinks links;

	@Test
	void smsStopKeywordsWithdrawAndStartRestoresOnlyWhenTwilioSignedIt() throws Exception {
		for (String keyword : TwilioInboundWebhook.STOP) {
			String phone = "+8869" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
			String customer = customer(phone, null, null);
			String body = "  " + keyword.toLowerCase() + " \n";
			twilio(Map.of("From", phone, "Body", body, "MessageSid", "SM" + UUID.randomUUID()), null)
				.andExpect(status().isUnauthorized());
			twilio(Map.of("From", phone, "Body", body, "MessageSid", "SM" + UUID.randomUUID()), "bm90LXNpZ25lZA==")
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
			assertThat(consent(customer, "sms").granted()).as(keyword).isTrue();

			Map<String, String> stop = Map.of("From", phone, "Body", body, "MessageSid", "SM" + UUID.randomUUID());
			twilio(stop, sign(stop)).andExpect(status().isOk()).andExpect(content().string("<Response/>"));
			assertThat(consent(customer, "sms").granted()).as(keyword).isFalse();
			assertThat(consent(customer, "sms").source()).isEqualTo("sms_keyword:" + keyword);
		}
		String phone = "+886955000111";
		String customer = customer(phone, null, null);
		Map<String, String> stop = Map.of("From", phone, "Body", "STOP", "MessageSid", "SM-stop-" + customer);
		twilio(stop, sign(stop)).andExpect(status().isOk());
		this.clock.advance(Duration.ofMinutes(5));
		Map<String, String> start = Map.of("From", phone, "Body", "unstop", "MessageSid", "SM-start-" + customer);
		twilio(start, sign(start)).andExpect(status().isOk());
		assertThat(consent(customer, "sms").granted()).isTrue();
		// The STOP again, replayed with its valid signature: already applied, no change.
		this.clock.advance(Duration.ofMinutes(5));
		twilio(stop, sign(stop)).andExpect(status().isOk());
		assertThat(consent(customer, "sms").granted()).isTrue();
	}

	@Test
	void lineUnfollowAndFollowCountOnlyWhenLineSignedThemAndOnce() throws Exception {
		String userId = "U" + UUID.randomUUID().toString().replace("-", "");
		String customer = customer(null, userId, null);
		String unfollow = lineEvent("unfollow", userId, "evt-unfollow-" + customer, 0);
		line(unfollow, null).andExpect(status().isUnauthorized());
		line(unfollow, "d3Jvbmc=").andExpect(status().isUnauthorized());
		line(unfollow.replace("unfollow", "follow"), lineSignature(unfollow)).andExpect(status().isUnauthorized());
		assertThat(consent(customer, "line").granted()).isTrue();

		line(unfollow, lineSignature(unfollow)).andExpect(status().isOk());
		assertThat(consent(customer, "line").granted()).isFalse();
		assertThat(consent(customer, "line").source()).isEqualTo("line_unfollow");

		this.clock.advance(Duration.ofMinutes(1));
		String follow = lineEvent("follow", userId, "evt-follow-" + customer, 0);
		line(follow, lineSignature(follow)).andExpect(status().isOk());
		assertThat(consent(customer, "line").granted()).isTrue();
		// A replay of the unfollow (same event id) and a stale capture change nothing.
		line(unfollow, lineSignature(unfollow)).andExpect(status().isOk());
		String stale = lineEvent("unfollow", userId, "evt-stale-" + customer, -Duration.ofHours(1).toMillis());
		line(stale, lineSignature(stale)).andExpect(status().isOk());
		assertThat(consent(customer, "line").granted()).isTrue();
	}

	private org.springframework.test.web.servlet.ResultActions twilio(Map<String, String> form, String signature)
			throws Exception {
		MockHttpServletRequestBuilder request = post("/webhooks/twilio/inbound")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		form.forEach(request::param);
		if (signature != null) {
			request.header("X-Twilio-Signature", signature);
		}
		// As Twilio calls: no login and none of the test defaults (a CSRF parameter would
		// be signed too).
		return MockMvcBuilders.webAppContextSetup(this.context)
			.apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
			.build()
			.perform(request);
	}

	private static String sign(Map<String, String> form) throws Exception {
		return WebhookSignatures.twilio(form);
	}

	private String lineEvent(String type, String userId, String eventId, long offsetMillis) {
		long timestamp = this.clock.now().toEpochMilli() + offsetMillis;
		return """
				{"destination":"Uxxx","events":[{"type":"%s","mode":"active","timestamp":%d,
				"source":{"type":"user","userId":"%s"},"webhookEventId":"%s",
				"deliveryContext":{"isRedelivery":false}}]}""".formatted(type, timestamp, userId, eventId);
	}

	private static String lineSignature(String body) throws Exception {
		return WebhookSignatures.line(body.getBytes(StandardCharsets.UTF_8));
	}

	private org.springframework.test.web.servlet.ResultActions line(String body, String signature) throws Exception {
		MockHttpServletRequestBuilder request = post("/webhooks/line").contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (signature != null) {
			request.header("X-Line-Signature", signature);
		}
		return this.mvc.perform(request);
	}

}
