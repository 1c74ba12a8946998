package dev.encore.engine.push;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.encore.connectors.standin.TestBrowser;
import dev.encore.connectors.webpush.WebPushSubscription;
import dev.encore.engine.profile.Consent;
import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The storefront registers browsers and app tokens with its write key; the permission
 * they stand for is the channel's consent. The allow list is the browsers' push services
 * here (no test entry), so a local endpoint is refused.
 */
class PushRegistrationApiTest extends EncoreIntegrationTest {

	private static final String FCM_ENDPOINT = "https://fcm.googleapis.com/fcm/send/";

	@Autowired
	private ProfileStore profiles;

	private final WebPushSubscription browser = new TestBrowser().subscription(FCM_ENDPOINT + "abc");

	private String subscribe(String customer, String endpoint) throws Exception {
		return this.mvc
			.perform(PushJourneys.storefront(post("/api/v1/customers/{id}/push-subscriptions", customer))
				.contentType(MediaType.APPLICATION_JSON)
				.content(PushJourneys.subscriptionJson(endpoint, this.browser.p256dh(), this.browser.auth())))
			.andReturn()
			.getResponse()
			.getStatus() + "";
	}

	private Consent consent(String customer, String channel) {
		return this.profiles.find(customer).orElseThrow().consent(channel);
	}

	@Test
	void aBrowserRegisteredTwiceIsOneSubscriptionAndItsPermissionIsTheConsent() throws Exception {
		String customer = newCustomerId();

		assertThat(subscribe(customer, FCM_ENDPOINT + "abc")).isEqualTo("201");
		assertThat(subscribe(customer, FCM_ENDPOINT + "abc")).isEqualTo("200");
		assertThat(subscribe(customer, "https://updates.push.services.mozilla.com/wpush/v2/xyz")).isEqualTo("201");

		this.mvc.perform(get("/api/v1/customers/{id}/push-subscriptions", customer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[*].endpoint").value(containsInAnyOrder(FCM_ENDPOINT + "abc",
					"https://updates.push.services.mozilla.com/wpush/v2/xyz")));
		assertThat(consent(customer, "webpush").granted()).isTrue();
	}

	@Test
	void removingTheLastSubscriptionWithdrawsTheConsent() throws Exception {
		String customer = newCustomerId();
		subscribe(customer, FCM_ENDPOINT + "one");
		subscribe(customer, FCM_ENDPOINT + "two");

		this.mvc
			.perform(PushJourneys.storefront(delete("/api/v1/customers/{id}/push-subscriptions", customer))
				.param("endpoint", FCM_ENDPOINT + "one"))
			.andExpect(status().isNoContent());
		assertThat(consent(customer, "webpush").granted()).isTrue();

		this.mvc
			.perform(PushJourneys.storefront(delete("/api/v1/customers/{id}/push-subscriptions", customer))
				.param("endpoint", FCM_ENDPOINT + "two"))
			.andExpect(status().isNoContent());
		assertThat(consent(customer, "webpush").granted()).isFalse();
	}

	@Test
	void aPushServiceNotOnTheAllowListIsRefusedNamingTheEndpoint() throws Exception {
		String customer = newCustomerId();
		for (String endpoint : new String[] { "http://127.0.0.1:8080/push/1", "https://evil.example/push",
				"http://fcm.googleapis.com/fcm/send/abc" }) {
			this.mvc
				.perform(PushJourneys.storefront(post("/api/v1/customers/{id}/push-subscriptions", customer))
					.contentType(MediaType.APPLICATION_JSON)
					.content(PushJourneys.subscriptionJson(endpoint, this.browser.p256dh(), this.browser.auth())))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("endpoint"));
		}
		this.mvc.perform(get("/api/v1/customers/{id}/push-subscriptions", customer))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void missingOrMalformedKeysAreRefusedNamingTheField() throws Exception {
		String customer = newCustomerId();
		this.mvc
			.perform(PushJourneys.storefront(post("/api/v1/customers/{id}/push-subscriptions", customer))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"endpoint\": \"" + FCM_ENDPOINT + "abc\", \"keys\": {\"p256dh\": \"" + this.browser.p256dh()
						+ "\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("keys.auth"));
		this.mvc
			.perform(PushJourneys.storefront(post("/api/v1/customers/{id}/push-subscriptions", customer))
				.contentType(MediaType.APPLICATION_JSON)
				.content(PushJourneys.subscriptionJson(FCM_ENDPOINT + "abc", "BAAA", this.browser.auth())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("keys.p256dh"));
	}

	@Test
	void onlyTheStorefrontOrALoginMayRegister() throws Exception {
		String body = PushJourneys.subscriptionJson(FCM_ENDPOINT + "abc", this.browser.p256dh(), this.browser.auth());
		this.mvc
			.perform(post("/api/v1/customers/{id}/push-subscriptions", "c-1").with(anonymous())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(get("/api/v1/customers/{id}/push-subscriptions", "c-1").with(anonymous())
				.header("Authorization", "Basic dGVzdC13cml0ZS1rZXk6"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anAppTokenFromTheEndpointOrFromIdentifyGrantsAppPushAndTheLastRemovedWithdrawsIt() throws Exception {
		String customer = newCustomerId();
		this.mvc
			.perform(PushJourneys.storefront(post("/api/v1/customers/{id}/app-push-tokens", customer))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"token\": \"tok-android\", \"platform\": \"android\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.platform").value("android"));
		send(TestEvents.identify(customer, customer + "@example.org", "Mei").withTrait("fcmToken", "tok-ios"))
			.andExpect(status().isAccepted());

		this.mvc.perform(get("/api/v1/customers/{id}/app-push-tokens", customer))
			.andExpect(jsonPath("$[*].token").value(containsInAnyOrder("tok-android", "tok-ios")));
		assertThat(consent(customer, "apppush").granted()).isTrue();

		for (String token : new String[] { "tok-android", "tok-ios" }) {
			this.mvc
				.perform(PushJourneys.storefront(delete("/api/v1/customers/{id}/app-push-tokens", customer))
					.param("token", token))
				.andExpect(status().isNoContent());
		}
		assertThat(consent(customer, "apppush").granted()).isFalse();
	}

	@Test
	void aTokenWithAnUnknownPlatformIsRefusedNamingTheField() throws Exception {
		this.mvc
			.perform(PushJourneys.storefront(post("/api/v1/customers/{id}/app-push-tokens", newCustomerId()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"token\": \"tok\", \"platform\": \"fax\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("platform"));
	}

	@Test
	void erasureForgetsTheCustomersDevices() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Mei").withTrait("fcm_token", "tok-1"))
			.andExpect(status().isAccepted());
		subscribe(customer, FCM_ENDPOINT + "erase-me");

		this.mvc.perform(delete("/api/v1/customers/{id}", customer)).andExpect(status().isNoContent());

		this.mvc.perform(get("/api/v1/customers/{id}/push-subscriptions", customer))
			.andExpect(jsonPath("$", hasSize(0)));
		this.mvc.perform(get("/api/v1/customers/{id}/app-push-tokens", customer)).andExpect(jsonPath("$", hasSize(0)));
	}

}
