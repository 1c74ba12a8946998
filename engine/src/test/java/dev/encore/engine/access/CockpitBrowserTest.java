package dev.encore.engine.access;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import dev.encore.engine.testsupport.EncoreNode;
import dev.encore.engine.testsupport.Holdouts;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser (Debian's chromium, driven by playwright-core from {@code src/test/e2e})
 * logs in to Encore as an admin and opens Cockpit: its dashboard, not Camunda's "create
 * initial user" page, with the admin's name in the header. The screenshot is
 * {@code docs/screenshots/cockpit.png}.
 */
@Tag("browser")
@DisabledIfSystemProperty(named = "encore.skip-browser-tests", matches = "true")
class CockpitBrowserTest {

	@Test
	void anAdminOpensCockpitWithEncoresLoginAndNoSetupPage() throws Exception {
		assertThat(new File("/usr/bin/chromium")).as("Debian chromium (.ci/run installs it)").exists();
		try (EncoreNode node = EncoreNode.startEmbedded("cockpit", Map.of())) {
			String customer = Holdouts.outsideAll("c-");
			assertThat(node.post(TestEvents.identify(customer, customer + "@example.org", "Ada"))).isEqualTo(202);
			assertThat(node.post(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0)))
				.isEqualTo(202);
			Process browser = new ProcessBuilder("node", "cockpit.mjs", node.baseUrl(), node.name(), "admin",
					"test-password", System.getProperty("encore.screenshots.dir", ""))
				.directory(Path.of("src/test/e2e").toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(browser.getInputStream().readAllBytes());
			assertThat(browser.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(browser.exitValue()).as(output).isZero();
			assertThat(output).contains("cockpit end-to-end: OK");
		}
	}

}
