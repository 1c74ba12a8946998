package dev.encore.engine.intake;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.encore.engine.event.EventHistory;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bad input gets a problem+json naming what is wrong, and changes nothing. */
class EventIntakeValidationTest extends EncoreIntegrationTest {

	@Autowired
	EventHistory events;

	private void assertNothingStoredFor(String customerId) {
		assertThat(this.events.forCustomer(customerId)).isEmpty();
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(customerId).count()).isZero();
	}

	@Test
	void missingUserIdIsRejectedNamingTheField() throws Exception {
		send(TestEvents.checkoutStarted("ignored").without("userId")).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[0].field").value("userId"))
			.andExpect(jsonPath("$.detail").value("userId must not be blank"));
	}

	@Test
	void trackWithoutEventNameIsRejectedAndStartsNothing() throws Exception {
		String customer = newCustomerId();

		send(TestEvents.checkoutStarted(customer).without("event")).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("event"));

		assertNothingStoredFor(customer);
	}

	@Test
	void missingMessageIdIsRejected() throws Exception {
		String customer = newCustomerId();

		send(TestEvents.checkoutStarted(customer).without("messageId")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("messageId"));

		assertNothingStoredFor(customer);
	}

	@Test
	void aControlCharacterInAnIdIsRejectedNamingTheField() throws Exception {
		String customer = newCustomerId();
		String body = TestEvents.checkoutStarted(customer).json().replace(customer, customer + "\\u0000");

		this.mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("userId"))
			.andExpect(jsonPath("$.detail").value("userId must not contain control characters"));

		assertNothingStoredFor(customer);
	}

	@Test
	void aStorefrontCannotSendAnEventEncoreDerivesItself() throws Exception {
		String customer = newCustomerId();

		send(TestEvents.track("Churn Risk Detected", customer).with("severity", "high"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("event"))
			.andExpect(jsonPath("$.detail").value("event 'Churn Risk Detected' is an event Encore derives itself"));
		send(TestEvents.track("Lifecycle Stage Changed", customer).with("to", "loyal"))
			.andExpect(status().isBadRequest());
		send(TestEvents.track("Birthday Reached", customer)).andExpect(status().isBadRequest());

		assertNothingStoredFor(customer);
	}

	@Test
	void unknownTypeIsRejectedNamingTheField() throws Exception {
		String body = TestEvents.checkoutStarted(newCustomerId()).json().replace("\"track\"", "\"page\"");

		this.mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("type"));
	}

	@Test
	void malformedJsonIsRejected() throws Exception {
		this.mvc
			.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content("{\"type\": \"track\","))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Malformed JSON"));
	}

	@Test
	void wrongContentTypeIsUnsupportedMediaType() throws Exception {
		String customer = newCustomerId();

		this.mvc
			.perform(post("/api/v1/events").contentType(MediaType.TEXT_PLAIN)
				.content(TestEvents.checkoutStarted(customer).json()))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));

		assertNothingStoredFor(customer);
	}

	@Test
	void wronglyTypedTimestampNamesTheField() throws Exception {
		String body = TestEvents.checkoutStarted(newCustomerId())
			.json()
			.replace("\"userId\"", "\"timestamp\":\"yesterday\",\"userId\"");

		this.mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("timestamp"));
	}

}
