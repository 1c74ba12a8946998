package dev.encore.engine.access;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A customer's way through intake, journeys, sends and support, with every log line
 * captured: the customer id appears, the email, phone and name never do.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest extends EncoreIntegrationTest {

	@Test
	void logsNameTheCustomerByIdOnly(CapturedOutput output) throws Exception {
		String customer = newCustomerId();
		String email = "zelphine." + customer + "@example.org";
		String phone = "+1415555" + String.format("%04d", Math.floorMod(customer.hashCode(), 10_000));
		send(TestEvents.identify(customer, email, "Zelphine")
			.withTrait("lastName", "Quarrington")
			.withTrait("phone", phone)
			.withTrait("consents", java.util.Map.of("email", "granted", "sms", "granted")))
			.andExpect(status().isAccepted());
		send(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0)).andExpect(status().isAccepted());
		// A malformed event carrying the same personal data is rejected and logged.
		send(TestEvents.identify("", email, "Zelphine")).andExpect(status().isBadRequest());
		this.clock.advance(Duration.ofHours(1));
		this.clock.advance(Duration.ofDays(3));
		this.mvc.perform(get("/api/v1/customers").param("q", email)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/customers/{id}/messages", customer)).andExpect(status().isOk());
		send(TestEvents.orderCompleted(customer)).andExpect(status().isAccepted());

		assertThat(output.getAll()).as("the run was logged").contains("customer=" + customer);
		assertThat(output.getAll()).doesNotContain(email)
			.doesNotContain(phone)
			.doesNotContain(phone.substring(1))
			.doesNotContain("Zelphine")
			.doesNotContain("Quarrington");
	}

}
