package dev.encore.engine.access;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Secrets come from configuration, never from the repository, and there is no default
 * password: the shipped configuration holds no secret value, only empty defaults or the
 * environment variable that fills it, and without users Encore refuses to start.
 */
class NoSecretsInTheRepositoryTest {

	private static final Pattern SECRET = Pattern
		.compile("(?i).*(secret|password|token|write-keys|api-key|auth-token|access-token).*");

	/** An environment variable with an empty default, or nothing at all. */
	private static final Pattern FROM_ENVIRONMENT = Pattern.compile("\\$\\{[A-Z0-9_]+:?}");

	@Test
	void theShippedConfigurationHoldsNoSecretValue() throws IOException {
		for (String file : List.of("application.yml", "application-postgres.yml")) {
			try (InputStream in = getClass().getResourceAsStream("/" + file)) {
				List<String> values = new ArrayList<>();
				secrets("", new Yaml().load(in), values);
				assertThat(values).as(file).isNotEmpty().allSatisfy((entry) -> {
					String value = entry.substring(entry.indexOf('=') + 1);
					assertThat(value.isEmpty() || FROM_ENVIRONMENT.matcher(value).matches()).as(entry).isTrue();
				});
			}
		}
	}

	@Test
	void theComposeExampleHoldsPlaceholdersOnly() throws IOException {
		for (String line : Files.readAllLines(Path.of("..", "docker", ".env.example"))) {
			int equals = line.indexOf('=');
			if (line.startsWith("#") || equals < 0 || !SECRET.matcher(line.substring(0, equals)).matches()) {
				continue;
			}
			String value = line.substring(equals + 1).replace("'", "");
			assertThat(value.isEmpty() || value.contains("change-me") || value.contains("replace")).as(line).isTrue();
		}
	}

	@Test
	void withoutUsersEncoreRefusesToStartOutsideTheTryOut() {
		PasswordEncoder encoder = new AccessConfiguration().passwordEncoder();
		assertThatThrownBy(
				() -> new AccessConfiguration().users(new AccessProperties(List.of(), false, List.of()), encoder))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("no default password");
	}

	@SuppressWarnings("unchecked")
	private static void secrets(String path, Object node, List<String> found) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> secrets(path.isEmpty() ? key.toString() : path + "." + key, value, found));
		}
		else if (SECRET.matcher(path).matches() && !(node instanceof List<?>)) {
			found.add(path + "=" + (node == null ? "" : node));
		}
	}

}
