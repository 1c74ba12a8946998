package dev.encore.engine.access;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import dev.encore.engine.testsupport.EncoreNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI in a real browser (Debian's chromium, playwright-core from
 * {@code src/test/e2e}): opened without a login, authorized with HTTP Basic, a POST tried
 * out answers 200 with no CSRF token.
 */
@Tag("browser")
@DisabledIfSystemProperty(named = "encore.skip-browser-tests", matches = "true")
class SwaggerUiBrowserTest {

	@Test
	void tryItOutPostsWithHttpBasicAndNoCsrfToken() throws Exception {
		assertThat(new File("/usr/bin/chromium")).as("Debian chromium (.ci/run installs it)").exists();
		try (EncoreNode node = EncoreNode.startEmbedded("swagger", Map.of())) {
			Process browser = new ProcessBuilder("node", "swagger-ui.mjs", node.baseUrl(), "marketer", "test-password")
				.directory(Path.of("src/test/e2e").toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(browser.getInputStream().readAllBytes());
			assertThat(browser.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(browser.exitValue()).as(output).isZero();
			assertThat(output).contains("swagger ui try-out: OK");
		}
	}

}
