package dev.encore.engine.support;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
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

		this.mvc.perform(get("/api/v1/customers/{id}/timeline", customer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].kind").value("event"))
			.andExpect(jsonPath("$[0].name").value("identify"))
			.andExpect(jsonPath("$[1].name").value("Checkout Started"))
			.andExpect(jsonPath("$[2].kind").value("message"))
			.andExpect(jsonPath("$[2].name").value("cart-reminder"))
			.andExpect(jsonPath("$[2].status").value("sent"))
			.andExpect(jsonPath("$[2].step").value("SendTaskCartReminderEmail"))
			.andExpect(jsonPath("$[2].preview").isNotEmpty())
			.andExpect(jsonPath("$[3].name").value("Order Completed"))
			.andExpect(jsonPath("$[4].name").value("Lifecycle Stage Changed"))
			.andExpect(jsonPath("$[4].source").value("encore"));
		this.mvc.perform(get("/api/v1/customers/{id}/timeline", noAddress))
			.andExpect(jsonPath("$[1].kind").value("message"))
			.andExpect(jsonPath("$[1].status").value("failed"))
			.andExpect(jsonPath("$[1].reason").isNotEmpty());
		this.mvc.perform(get("/api/v1/customers/{id}/journeys", customer))
			// The order is the cart journey's goal.
			.andExpect(jsonPath("$[?(@.journey == 'AbandonedCart')].ending.how").value("converted"))
			.andExpect(jsonPath("$[?(@.journey == 'AbandonedCart')].ending.endActivityId").value("EndEventConverted"))
			// The first order also started the second-purchase nudge.
			.andExpect(jsonPath("$[?(@.journey == 'SecondPurchase')].state").value("ACTIVE"));
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
		this.mvc
			.perform(post(exit, customer, instance).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"again\"}"))
			.andExpect(status().isNotFound());
	}

}
