package dev.encore.engine.support;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.encore.engine.inbox.InboxMessage;
import dev.encore.engine.inbox.InboxStore;
import dev.encore.engine.testsupport.EncoreNode;
import dev.encore.engine.testsupport.Holdouts;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser (Debian's chromium, driven by playwright-core from {@code src/test/e2e})
 * on a running Encore: support logs in, finds a customer by email, sees where they came
 * from, their time zone, sunset flag and consent on every channel, their low review and
 * detractor NPS answer flagged, the cart journey's current step by name and when its next
 * step is due, the timeline newest first with the sent reminder, the on-site inbox, exits
 * the customer and sees the exit on the timeline; a marketer sees the journey's entries
 * by source, its holdout and its messages. The screenshots it takes are the ones in
 * {@code docs/screenshots} and the README.
 */
@Tag("browser")
@DisabledIfSystemProperty(named = "encore.skip-browser-tests", matches = "true")
class SupportPageBrowserTest {

	@Test
	void supportFindsTheCustomerSeesTheJourneyAndExitsThem() throws Exception {
		assertThat(new File("/usr/bin/chromium")).as("Debian chromium (.ci/run installs it)").exists();
		try (EncoreNode node = EncoreNode.startEmbedded("browser",
				Map.of("encore.journeys.settings.AbandonedCart.firstReminderDelay", "PT1S",
						"camunda.bpm.job-execution.wait-time-in-millis", 200))) {
			String customer = Holdouts.outsideAll("c-");
			String email = customer + "@example.org";
			assertThat(
					node.post(
							TestEvents.identify(customer, email, "Ada")
								.withTrait("timeZone", "Asia/Taipei")
								.withTrait("consents",
										Map.of("email", Map.of("granted", true, "source", "checkout"), "sms",
												Map.of("granted", false, "source", "account settings")))))
				.isEqualTo(202);
			assertThat(node.post(TestEvents.track("Site Visited", customer)
				.withContext("campaign", Map.of("source", "newsletter", "medium", "email", "name", "autumn-edit"))
				.withContext("page", Map.of("url", "https://shop.example.com/autumn")))).isEqualTo(202);
			assertThat(node.post(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0)))
				.isEqualTo(202);
			awaitSent(node, customer, 1);
			// A customer in the cart journey's holdout: the analytics page shows its
			// uplift.
			String heldOut = Holdouts.inside("AbandonedCart", "h-");
			assertThat(node.post(TestEvents.identify(heldOut, heldOut + "@example.org", "Bo"))).isEqualTo(202);
			assertThat(node.post(TestEvents.checkoutStarted(heldOut))).isEqualTo(202);
			assertThat(node.post(TestEvents.track("Review Submitted", customer)
				.with("rating", 1)
				.with("ratings", Map.of("logistics", 1))
				.with("order_id", "o-1"))).isEqualTo(202);
			assertThat(node.post(TestEvents.track("NPS Submitted", customer).with("score", 3))).isEqualTo(202);
			// The service-recovery apology, so that the cart journey is the only one
			// active.
			awaitSent(node, customer, 2);
			Instant now = node.bean(Clock.class).instant();
			node.bean(InboxStore.class)
				.put(customer,
						new InboxMessage("m-1", "Ada, your cart is waiting", "You left 1 item(s) in your cart.",
								"https://shop.example.com/cart", null, "AbandonedCart", "SendTaskInboxReminder", now,
								now.plus(Duration.ofDays(7)), false));

			Path e2e = Path.of("src/test/e2e");
			Process browser = new ProcessBuilder("node", "support-page.mjs", node.baseUrl(), "support", "test-password",
					email, System.getProperty("encore.screenshots.dir", ""), "marketer")
				.directory(e2e.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(browser.getInputStream().readAllBytes());
			assertThat(browser.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(browser.exitValue()).as(output).isZero();
			assertThat(output).contains("support page end-to-end: OK");
		}
	}

	/**
	 * The job executor sends the first reminder a second after checkout, the apology at
	 * once (bounded wait).
	 */
	private static void awaitSent(EncoreNode node, String customer, long messages) {
		JdbcTemplate db = node.bean(JdbcTemplate.class);
		Awaitility.await(messages + " messages sent")
			.atMost(Duration.ofSeconds(60))
			.until(() -> db.queryForObject(
					"SELECT COUNT(*) FROM encore_message_log WHERE customer_id = ? AND status = 'sent'", Long.class,
					customer) == messages);
	}

}
