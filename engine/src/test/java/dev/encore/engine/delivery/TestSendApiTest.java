package dev.encore.engine.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

import dev.encore.connectors.SmsContent;
import dev.encore.connectors.sandbox.SandboxSender;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestLineServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Test sends (decision 029): through the real SMTP and LINE connectors (SMS through the
 * sandbox, as no Twilio account is configured here) to the marketer's address, marked
 * [TEST], logged flagged and audited, and never counted: not in caps (the customer's next
 * real message still goes), not in analytics.
 */
class TestSendApiTest extends EncoreIntegrationTest {

	private static final String MARKETER_INBOX = "marketer@example.com";

	private static final String LINE_PUSH = "/v2/bot/message/push";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SandboxSender sandbox;

	@Test
	void testSendArrivesMarkedAndIsNeverCounted() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada")).andExpect(status().isAccepted());
		send(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0)).andExpect(status().isAccepted());
		String journeyFigures = journeyFigures();
		String loyaltyFigures = loyaltyFigures();

		// Three tests fill the weekly marketing cap (3) if they were counted.
		for (int i = 0; i < 3; i++) {
			this.mvc
				.perform(post("/api/v1/templates/cart-second-reminder/test-sends").with(user("mia").roles("MARKETER"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("""
							{"channel":"email","to":"%s","customerId":"%s","journeyKey":"AbandonedCart"}"""
						.formatted(MARKETER_INBOX, customer)))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.subject").value("[TEST] Ada, a little something for your cart"))
				.andExpect(jsonPath("$.templateVersion").isNotEmpty());
		}

		List<MimeMessage> tests = mailTo(MARKETER_INBOX);
		assertThat(tests).hasSize(3);
		assertThat(tests.get(0).getSubject()).isEqualTo("[TEST] Ada, a little something for your cart");
		assertThat(new String(tests.get(0).getInputStream().readAllBytes())).contains("FROM-CONFIG");
		assertThat(mailTo(customer + "@example.org")).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM encore_message_log WHERE customer_id = ? AND test_send")
			.param(customer)
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM encore_audit WHERE customer_id = ? AND actor = 'mia' AND action = 'test_send'")
			.param(customer)
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(journeyFigures()).isEqualTo(journeyFigures);
		assertThat(loyaltyFigures()).isEqualTo(loyaltyFigures);
		this.mvc.perform(get("/api/v1/customers/{id}/timeline", customer))
			.andExpect(jsonPath("$[0].test").value(true))
			.andExpect(jsonPath("$[0].subject", startsWith("[TEST]")));

		// The journey's own first reminder, an hour later, is not capped by the tests.
		this.clock.advance(Duration.ofHours(1));
		this.clock.runDueJobs();
		assertThat(this.jdbc.sql("""
				SELECT status FROM encore_message_log WHERE customer_id = ? AND journey_key = 'AbandonedCart'
				AND NOT test_send""").param(customer).query(String.class).list()).containsExactly("sent");
		assertThat(mailTo(customer + "@example.org")).hasSize(1);
	}

	@Test
	void lineAndSmsTestsGoThroughTheirConnectorsMarked() throws Exception {
		WireMockServer line = TestLineServer.get();
		line.resetAll();
		line.stubFor(WireMock.post(urlEqualTo(LINE_PUSH)).willReturn(aResponse().withStatus(200).withBody("{}")));
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada")).andExpect(status().isAccepted());
		send(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0)).andExpect(status().isAccepted());
		String marketersLine = "U" + "0123456789abcdef".repeat(2);

		testSend("cart-second-reminder", """
				{"channel":"line","to":"%s","customerId":"%s","journeyKey":"AbandonedCart"}""".formatted(marketersLine,
				customer))
			.andExpect(status().isCreated());
		testSend("cart-second-reminder", """
				{"channel":"sms","to":"+886912345678","customerId":"%s","journeyKey":"AbandonedCart"}"""
			.formatted(customer)).andExpect(status().isCreated());

		// The real LINE client, to the marketer's user id, the card's title marked.
		line.verify(1,
				postRequestedFor(urlEqualTo(LINE_PUSH)).withHeader("Authorization", equalTo("Bearer test-line-token"))
					.withRequestBody(containing(marketersLine))
					.withRequestBody(containing("[TEST] Ada, a little something for your cart"))
					.withRequestBody(containing("FROM-CONFIG")));
		// SMS has no provider configured here: the sandbox records what Twilio would get.
		assertThat(this.sandbox.recordedFor(customer)).singleElement().satisfies((recorded) -> {
			assertThat(recorded.message().recipient()).isEqualTo("+886912345678");
			assertThat(((SmsContent) recorded.message().content()).text())
				.startsWith("[TEST] Ada, your cart is waiting")
				.contains("FROM-CONFIG");
		});
		assertThat(this.jdbc.sql("""
				SELECT channel FROM encore_message_log WHERE customer_id = ? AND test_send AND status = 'sent'
				ORDER BY channel""").param(customer).query(String.class).list()).containsExactly("line", "sms");
		assertThat(mailTo(customer + "@example.org")).isEmpty();
	}

	@Test
	void badAddressOrChannelIsAProblemNamingTheField() throws Exception {
		testSend("{\"channel\":\"email\",\"to\":\"not an address\"}").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		testSend("{\"channel\":\"sms\",\"to\":\"0912345678\",\"profile\":{\"firstName\":\"Ada\"},"
				+ "\"cart\":{\"products\":[{\"name\":\"Tea\"}]}}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		testSend("{\"channel\":\"fax\",\"to\":\"" + MARKETER_INBOX + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("channel"));
		assertThat(this.smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void supportCannotSendTests() throws Exception {
		this.mvc
			.perform(post("/api/v1/templates/cart-reminder/test-sends").with(user("s").roles("SUPPORT"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"to\":\"" + MARKETER_INBOX + "\"}"))
			.andExpect(status().isForbidden());
	}

	private ResultActions testSend(String body) throws Exception {
		return testSend("cart-reminder", body);
	}

	private ResultActions testSend(String templateId, String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/templates/{id}/test-sends", templateId).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	private String journeyFigures() throws Exception {
		String definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("AbandonedCart")
			.latestVersion()
			.singleResult()
			.getId();
		return this.mvc.perform(get("/api/v1/analytics/journeys/{id}", definition))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String loyaltyFigures() throws Exception {
		return this.mvc.perform(get("/api/v1/analytics/loyalty"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private List<MimeMessage> mailTo(String address) throws Exception {
		List<MimeMessage> mail = new ArrayList<>();
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				mail.add(message);
			}
		}
		return mail;
	}

}
