package dev.encore.engine.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.InstanceOfAssertFactories;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What support does: find a customer, read their story, take them out of a journey. */
class SupportApiTest extends EncoreIntegrationTest {

	@Test
	void findsACustomerByIdEmailOrPhone() throws Exception {
		String customer = newCustomerId();
		// A number no other test uses: the search must find this customer, not another.
		String phone = "+8869" + String.format("%08d", Math.floorMod(customer.hashCode(), 100_000_000));
		send(TestEvents.identify(customer, customer + "@example.org", "Ada")
			.withTrait("phone", phone.substring(0, 4) + " " + phone.substring(4))).andExpect(status().isAccepted());
		for (String query : new String[] { customer, customer.toUpperCase() + "@EXAMPLE.ORG", phone }) {
			this.mvc.perform(get("/api/v1/customers").param("q", query))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(1)))
				.andExpect(jsonPath("$[0].customerId").value(customer))
				.andExpect(jsonPath("$[0].lifecycleStage").value("prospect"));
		}
		this.mvc.perform(get("/api/v1/customers").param("q", "nobody@example.org"))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void timelineTellsEventsAndMessagesInOrderWithReasons() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada")).andExpect(status().isAccepted());
		send(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0)).andExpect(status().isAccepted());
		this.clock.advance(Duration.ofHours(1));
		this.clock.advance(Duration.ofMinutes(5));
		send(TestEvents.orderCompleted(customer)).andExpect(status().isAccepted());

		String noAddress = newCustomerId();
		send(TestEvents.checkoutStarted(noAddress)).andExpect(status().isAccepted());
		this.clock.advance(Duration.ofHours(1));

		List<Map<String, Object>> timeline = JsonPath
			.read(this.mvc.perform(get("/api/v1/customers/{id}/timeline", customer))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$");
		// Newest first: the story reads from the latest entry down.
		assertThat(timeline).extracting((entry) -> Instant.parse((String) entry.get("at")))
			.isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(timeline).extracting((entry) -> entry.get("kind") + " " + entry.get("name"))
			.containsSubsequence("exit converted", "event Lifecycle Stage Changed", "event Order Completed",
					"message cart-reminder", "event Checkout Started", "event identify");
		Map<String, Object> checkout = entry(timeline, "event", "Checkout Started");
		assertThat(checkout.get("occurredAt")).as("the event's own time").isNotNull();
		assertThat(checkout).extractingByKey("properties")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsKey("products");
		Map<String, Object> reminder = entry(timeline, "message", "cart-reminder");
		assertThat(reminder).containsEntry("status", "sent")
			.containsEntry("step", "SendTaskCartReminderEmail")
			.containsEntry("stepName", "Send cart reminder email");
		assertThat(reminder.get("preview")).asString().isNotEmpty();
		assertThat(entry(timeline, "event", "Lifecycle Stage Changed")).containsEntry("source", "encore");
		assertThat(entry(timeline, "exit", "converted")).containsEntry("journey", "AbandonedCart")
			.containsEntry("step", "EndEventConverted")
			.containsEntry("stepName", "Converted");
		this.mvc.perform(get("/api/v1/customers/{id}/timeline", noAddress))
			.andExpect(jsonPath("$[0].kind").value("message"))
			.andExpect(jsonPath("$[0].status").value("failed"))
			.andExpect(jsonPath("$[0].reason").isNotEmpty());
		this.mvc.perform(get("/api/v1/customers/{id}/journeys", customer))
			// The order is the cart journey's goal.
			.andExpect(jsonPath("$[?(@.journey == 'AbandonedCart')].ending.how").value("converted"))
			.andExpect(jsonPath("$[?(@.journey == 'AbandonedCart')].ending.endActivityId").value("EndEventConverted"))
			// The first order also started the second-purchase nudge.
			.andExpect(jsonPath("$[?(@.journey == 'SecondPurchase')].state").value("ACTIVE"));
	}

	@Test
	void aJourneyLeftOnItsExitEventIsOnTheTimeline() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada")).andExpect(status().isAccepted());
		send(TestEvents.orderCompleted(customer).with("order_id", "o-refunded")).andExpect(status().isAccepted());
		this.clock.advance(Duration.ofMinutes(10));
		send(TestEvents.track("Order Refunded", customer).with("order_id", "o-refunded"))
			.andExpect(status().isAccepted());

		this.mvc.perform(get("/api/v1/customers/{id}/timeline", customer))
			.andExpect(jsonPath("$[?(@.kind == 'exit' && @.journey == 'PostPurchase')].name").value("exited on event"))
			.andExpect(jsonPath("$[?(@.kind == 'exit' && @.journey == 'PostPurchase')].step").value("EndEventRefunded"))
			.andExpect(jsonPath("$[?(@.kind == 'exit' && @.journey == 'PostPurchase')].stepName").value("Refunded"))
			.andExpect(
					jsonPath("$[?(@.kind == 'exit' && @.journey == 'PostPurchase')].at").value("2026-11-23T09:10:00Z"));
	}

	@Test
	void journeysNameTheStepAndWhenTheNextOneIsDueInTheCustomersZone() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada").withTrait("timeZone", "Asia/Taipei"))
			.andExpect(status().isAccepted());
		send(TestEvents.checkoutStarted(customer)).andExpect(status().isAccepted());

		this.mvc.perform(get("/api/v1/customers/{id}/journeys", customer))
			.andExpect(jsonPath("$[0].journey").value("AbandonedCart"))
			.andExpect(jsonPath("$[0].waitingAt[0]").value("TimerWaitFirstReminderDelay"))
			.andExpect(jsonPath("$[0].waitingAtNames[0]").value("Wait first reminder delay"))
			.andExpect(jsonPath("$[0].nextStep.activityId").value("TimerWaitFirstReminderDelay"))
			.andExpect(jsonPath("$[0].nextStep.name").value("Wait first reminder delay"))
			.andExpect(jsonPath("$[0].nextStep.dueAt").value("2026-11-23T10:00:00Z"))
			.andExpect(jsonPath("$[0].nextStep.dueLocal").value("2026-11-23 18:00 +08:00"))
			.andExpect(jsonPath("$[0].nextStep.timeZone").value("Asia/Taipei"));
		this.clock.advance(Duration.ofHours(1));
		this.mvc.perform(get("/api/v1/customers/{id}/journeys", customer))
			.andExpect(jsonPath("$[0].waitingAtNames[0]").value("Wait second reminder delay"))
			.andExpect(jsonPath("$[0].nextStep.dueAt").value("2026-11-24T09:00:00Z"));
	}

	@Test
	void reachShowsConsentOnEveryChannelTheSunsetFlagAndTheZone() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada")
			.withTrait("consents", Map.of("email", Map.of("granted", true, "source", "checkout"), "sms",
					Map.of("granted", false, "source", "account settings"))))
			.andExpect(status().isAccepted());

		this.mvc.perform(get("/api/v1/customers/{id}/reach", customer))
			.andExpect(status().isOk())
			.andExpect(
					jsonPath("$.consents[*].channel", hasItems("email", "sms", "line", "webpush", "apppush", "onsite")))
			.andExpect(jsonPath("$.consents[?(@.channel == 'webhook')]").isEmpty())
			.andExpect(jsonPath("$.consents[?(@.channel == 'email')].status").value("granted"))
			.andExpect(jsonPath("$.consents[?(@.channel == 'email')].source").value("checkout"))
			.andExpect(jsonPath("$.consents[?(@.channel == 'email')].at").value(notNullValue()))
			.andExpect(jsonPath("$.consents[?(@.channel == 'sms')].status").value("withdrawn"))
			.andExpect(jsonPath("$.consents[?(@.channel == 'line')].status").value("not recorded"))
			.andExpect(jsonPath("$.sunset").value(false))
			// No zone in the profile: the shop's default stands in, and says so.
			.andExpect(jsonPath("$.timeZone").value("UTC"))
			.andExpect(jsonPath("$.timeZoneFromProfile").value(false));
		this.mvc.perform(get("/api/v1/customers/{id}/reach", "nobody-" + customer))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("Unknown customer"));
	}

	@Test
	void supportExitsACustomerAuditedAndNothingMoreIsSent() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada")).andExpect(status().isAccepted());
		send(TestEvents.checkoutStarted(customer)).andExpect(status().isAccepted());
		String instance = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(customer)
			.singleResult()
			.getId();
		String exit = "/api/v1/customers/{id}/journeys/{instance}/exit";

		this.mvc.perform(post(exit, customer, instance).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		this.mvc.perform(post(exit, customer, instance)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("sam")
				.roles("SUPPORT"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"asked by phone to stop\"}")).andExpect(status().isNoContent());

		assertThat(activeJourneys(customer, "AbandonedCart")).isZero();
		this.clock.advance(Duration.ofDays(2));
		assertThat(this.smtp.getReceivedMessages()).noneMatch((message) -> {
			try {
				return message.getAllRecipients()[0].toString().startsWith(customer);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		});
		this.mvc.perform(get("/api/v1/customers/{id}/journeys", customer))
			.andExpect(jsonPath("$[0].ending.how").value("exited by hand"))
			.andExpect(jsonPath("$[0].ending.exitedBy").value("sam"))
			.andExpect(jsonPath("$[0].ending.reason").value("asked by phone to stop"));
		this.mvc.perform(get("/api/v1/customers/{id}/timeline", customer))
			.andExpect(jsonPath("$[0].kind").value("exit"))
			.andExpect(jsonPath("$[0].name").value("exited by hand"))
			.andExpect(jsonPath("$[0].journey").value("AbandonedCart"))
			.andExpect(jsonPath("$[0].reason").value("by sam: asked by phone to stop"));
		this.mvc
			.perform(post(exit, customer, instance).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"again\"}"))
			.andExpect(status().isNotFound());
	}

	private static Map<String, Object> entry(List<Map<String, Object>> timeline, String kind, String name) {
		return timeline.stream()
			.filter((entry) -> kind.equals(entry.get("kind")) && name.equals(entry.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + timeline));
	}

}
