package dev.encore.engine.delivery;

import java.io.File;
import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.encore.engine.testsupport.E2eScripts;
import dev.encore.engine.testsupport.EncoreNode;
import dev.encore.engine.testsupport.Holdouts;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser (Debian's chromium, driven by playwright-core from {@code src/test/e2e})
 * on a running Encore: a marketer opens /templates, previews the cart's second reminder
 * for a real customer with the cart journey's settings (its coupon shows), sees a missing
 * variable named, and sends a test to an address, which arrives by SMTP marked [TEST].
 * With {@code -Dencore.screenshots.dir=../docs/screenshots} it saves the pictures the
 * README shows.
 */
@Tag("browser")
@DisabledIfSystemProperty(named = "encore.skip-browser-tests", matches = "true")
class TemplatesPageBrowserTest {

	private static final String TEST_ADDRESS = "mia@shop.example.com";

	@Test
	void marketerPreviewsWithTheJourneysSettingsAndSendsATest() throws Exception {
		assertThat(new File("/usr/bin/chromium")).as("Debian chromium (.ci/run installs it)").exists();
		try (EncoreNode node = EncoreNode.startEmbedded("templates-browser", Map.of())) {
			String customer = Holdouts.outsideAll("c-");
			assertThat(node.post(TestEvents.identify(customer, customer + "@example.org", "Ada"))).isEqualTo(202);
			assertThat(node.post(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0)))
				.isEqualTo(202);

			// The test profile's configuration sets the cart journey's coupon to
			// FROM-CONFIG.
			String output = E2eScripts.run("templates-page.mjs", node.baseUrl(), "marketer", "test-password", customer,
					"FROM-CONFIG", TEST_ADDRESS, System.getProperty("encore.screenshots.dir", ""));
			assertThat(output).contains("templates page end-to-end: OK");

			Awaitility.await("the test email").atMost(Duration.ofSeconds(10)).until(() -> testMails().length == 1);
			assertThat(testMails()[0].getSubject()).isEqualTo("[TEST] Ada, a little something for your cart");
			assertThat(node.bean(JdbcTemplate.class)
				.queryForObject("SELECT COUNT(*) FROM encore_message_log WHERE customer_id = ? AND test_send",
						Long.class, customer))
				.isEqualTo(1);
		}
	}

	private static MimeMessage[] testMails() {
		return TestSmtpServer.get().getReceivedMessagesForDomain(TEST_ADDRESS);
	}

}
