package dev.encore.engine.journey;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;

import dev.encore.engine.testsupport.E2eScripts;
import dev.encore.engine.testsupport.EncoreNode;
import dev.encore.engine.testsupport.Holdouts;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marketer's journeys page in a real browser (Debian's chromium, driven by
 * playwright-core from {@code src/test/e2e/journeys-page.mjs}) on a running Encore: a
 * journeys folder with a new journey and its new email template is uploaded and listed,
 * and a customer who then sends the journey's event gets the email rendered from the
 * uploaded template (GreenMail); a folder whose cart journey has a bad setting is refused
 * with the problem drawn on the diagram at the timer, naming the setting. With
 * {@code -Dencore.screenshots.dir=...} it saves the screenshots in
 * {@code docs/screenshots}.
 */
@Tag("browser")
@DisabledIfSystemProperty(named = "encore.skip-browser-tests", matches = "true")
class JourneysPageBrowserTest {

	private static final String TEMPLATES = "journeys/templates/gift-card-thanks/";

	@TempDir
	Path folders;

	@Test
	void aMarketerUploadsAJourneyWithANewTemplateThatIsSentAndSeesABadSettingOnTheDiagram() throws Exception {
		assertThat(new File("/usr/bin/chromium")).as("Debian chromium (.ci/run installs it)").exists();
		Path good = write(this.folders.resolve("good"),
				Map.of("journeys/gift-card.bpmn", resource("deploy/gift-card.bpmn"), "journeys/abandoned-cart.bpmn",
						cartWithSecondReminderDelay("PT20H"), TEMPLATES + "email.en.liquid",
						template("Thanks for your gift card", "Your gift card is on its way."),
						TEMPLATES + "email.zh-TW.liquid", template("感謝購買禮物卡", "禮物卡已寄出。"), "journeys/README.md",
						"Not deployed".getBytes(StandardCharsets.UTF_8)));
		Path bad = write(this.folders.resolve("bad"),
				Map.of("journeys/abandoned-cart.bpmn",
						new String(resource("journeys/abandoned-cart.bpmn"), StandardCharsets.UTF_8)
							.replace("name=\"setting.secondReminderDelay\" value=\"PT23H\"",
									"name=\"setting.secondReminderDelay\" value=\"tomorrow\"")
							.getBytes(StandardCharsets.UTF_8)));
		try (EncoreNode node = EncoreNode.startEmbedded("journeys-page", Map.of("encore.journeys.deploy.custom-events",
				"Gift Card Bought", "camunda.bpm.job-execution.wait-time-in-millis", 200))) {
			// On the cart journey's first version when the second is deployed.
			String waiting = Holdouts.outsideAll("cart-");
			assertThat(node.post(TestEvents.identify(waiting, waiting + "@example.org", "Bo"))).isEqualTo(202);
			assertThat(node.post(TestEvents.checkoutStarted(waiting))).isEqualTo(202);
			String output = E2eScripts.run("journeys-page.mjs", node.baseUrl(), "marketer", "test-password",
					good.resolve("journeys").toString(), bad.resolve("journeys").toString(),
					System.getProperty("encore.screenshots.dir", ""));
			assertThat(output).contains("journeys page end-to-end: OK");

			String customer = Holdouts.outsideAll("gift-");
			String email = customer + "@example.org";
			assertThat(node.post(TestEvents.identify(customer, email, "Ada"))).isEqualTo(202);
			assertThat(node.post(TestEvents.track("Gift Card Bought", customer))).isEqualTo(202);

			MimeMessage mail = Awaitility.await("the gift card thanks sent")
				.atMost(Duration.ofSeconds(60))
				.until(() -> mailTo(email), (mails) -> !mails.isEmpty())
				.get(0);
			assertThat(mail.getSubject()).isEqualTo("Thanks for your gift card, Ada");
			assertThat(GreenMailUtil.getBody(mail)).contains("Your gift card is on its way.");
		}
	}

	private static List<MimeMessage> mailTo(String email) throws MessagingException {
		List<MimeMessage> mail = new ArrayList<>();
		for (MimeMessage message : TestSmtpServer.get().getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(email)) {
				mail.add(message);
			}
		}
		return mail;
	}

	private static Path write(Path root, Map<String, byte[]> files) throws IOException {
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			Path path = root.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.write(path, file.getValue());
		}
		return root;
	}

	private static byte[] cartWithSecondReminderDelay(String delay) throws IOException {
		return new String(resource("journeys/abandoned-cart.bpmn"), StandardCharsets.UTF_8)
			.replace("name=\"setting.secondReminderDelay\" value=\"PT23H\"",
					"name=\"setting.secondReminderDelay\" value=\"" + delay + "\"")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] template(String subject, String text) {
		return ("---\nsubject: \"" + subject + ", {{ customer.firstName }}\"\n---\n<p>" + text + "</p>\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] resource(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
	}

}
