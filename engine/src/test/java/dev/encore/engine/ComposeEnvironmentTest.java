package dev.encore.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/docker-compose.yml gives the engine every setting Encore reads from the
 * environment, under names Spring binds, and refuses to start without the secrets that
 * must outlive a restart. A variable Spring does not bind would be dropped silently, and
 * the operator's setting with it.
 */
class ComposeEnvironmentTest {

	private static final Path DOCKER = Path.of("..", "docker");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

	@Test
	void composeSetsEveryVariableEncoreReads() throws IOException {
		assertThat(variablesEncoreReads()).contains("ENCORE_UNSUBSCRIBE_SECRET", "LINE_CHANNEL_SECRET",
				"TWILIO_FROM_NUMBER", "ENCORE_DB_PASSWORD", "MANAGEMENT_PORT");
		assertThat(engineEnvironment().keySet()).containsAll(variablesEncoreReads());
	}

	@Test
	void everyOtherVariableNamesAPropertyEncoreOrSpringBootDeclares() throws IOException {
		Map<String, String> declared = declaredProperties();
		Set<String> others = new TreeSet<>(engineEnvironment().keySet());
		others.removeAll(variablesEncoreReads());
		assertThat(others).contains("SPRING_MAIL_USERNAME", "ENCORE_ACCESS_USERS_0_NAME");
		assertThat(others.stream().filter((variable) -> !declares(declared, variable)))
			.as("variables naming no property Encore or Spring Boot declares")
			.isEmpty();
	}

	@Test
	void secretsThatMustOutliveARestartAreRequired() throws IOException {
		Map<String, String> environment = engineEnvironment();
		for (String variable : List.of("ENCORE_UNSUBSCRIBE_SECRET", "ENCORE_UNSUBSCRIBE_BASE_URL",
				"ENCORE_REFERRALS_SECRET", "ENCORE_TRACKING_SECRET", "ENCORE_PUBLIC_BASE_URL", "ENCORE_DEPLOY_TOKEN",
				"ENCORE_ACCESS_USERS_0_PASSWORD")) {
			assertThat(environment.get(variable)).as(variable).matches("\\$\\{[A-Z_]+:\\?.+}");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void onlyThePublicPortIsPublishedBeyondTheHost() throws IOException {
		List<String> published = new ArrayList<>();
		compose().get("services")
			.forEach((service,
					definition) -> ((List<Object>) ((Map<String, Object>) definition).getOrDefault("ports", List.of()))
						.forEach((port) -> published.add(service + " " + port)));
		assertThat(published).contains("engine ${ENCORE_PORT:-8080}:8080")
			.filteredOn((port) -> !port.equals("engine ${ENCORE_PORT:-8080}:8080"))
			.isNotEmpty()
			.allSatisfy((port) -> assertThat(port).contains(" 127.0.0.1:"));
	}

	@Test
	void theExampleDocumentsEveryVariableComposeUses() throws IOException {
		String compose = String.join("\n",
				Files.readAllLines(DOCKER.resolve("docker-compose.yml"))
					.stream()
					.filter((line) -> !line.strip().startsWith("#"))
					.toList());
		Set<String> documented = new TreeSet<>();
		for (String line : Files.readAllLines(DOCKER.resolve(".env.example"))) {
			if (!line.startsWith("#") && line.contains("=")) {
				documented.add(line.substring(0, line.indexOf('=')));
			}
		}
		assertThat(documented).containsAll(matches(VARIABLE, compose));
	}

	@Test
	void smtpTlsSettingsReachJavaMailUnderTheirDottedNames() throws IOException {
		Map<String, Object> environment = new LinkedHashMap<>();
		engineEnvironment()
			.forEach((name, value) -> environment.put(name, value.replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1")));
		List<PropertySource<?>> sources = List.of(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
		Map<String, String> javaMail = new Binder(ConfigurationPropertySources.from(sources))
			.bind("spring.mail.properties", Bindable.mapOf(String.class, String.class))
			.get();
		assertThat(javaMail).containsEntry("mail.smtp.starttls.enable", "false")
			.containsEntry("mail.smtp.starttls.required", "false");
	}

	/** The engine service's environment as written, values unresolved. */
	@SuppressWarnings("unchecked")
	private static Map<String, String> engineEnvironment() throws IOException {
		Map<String, Object> engine = (Map<String, Object>) compose().get("services").get("engine");
		Map<String, String> values = new TreeMap<>();
		((Map<String, Object>) engine.get("environment"))
			.forEach((name, value) -> values.put(name, String.valueOf(value)));
		return values;
	}

	private static Map<String, Map<String, Object>> compose() throws IOException {
		try (InputStream in = Files.newInputStream(DOCKER.resolve("docker-compose.yml"))) {
			return new Yaml().load(in);
		}
	}

	private static Set<String> variablesEncoreReads() throws IOException {
		Set<String> variables = new TreeSet<>();
		for (String file : List.of("/application.yml", "/application-postgres.yml")) {
			try (InputStream in = ComposeEnvironmentTest.class.getResourceAsStream(file)) {
				variables.addAll(matches(VARIABLE, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			}
		}
		return variables;
	}

	/**
	 * Every property in the configuration metadata on the class path (Encore's records,
	 * Spring Boot's), in its environment form ({@code SPRING_MAIL_HOST}), with its type.
	 */
	private static Map<String, String> declaredProperties() throws IOException {
		Map<String, String> properties = new TreeMap<>();
		ObjectMapper json = new ObjectMapper();
		for (String file : List.of("META-INF/spring-configuration-metadata.json",
				"META-INF/additional-spring-configuration-metadata.json")) {
			for (URL url : Collections.list(ComposeEnvironmentTest.class.getClassLoader().getResources(file))) {
				for (JsonNode property : json.readTree(url).path("properties")) {
					properties.put(property.path("name").asText().toUpperCase(Locale.ROOT).replaceAll("[.\\-]", "_"),
							property.path("type").asText());
				}
			}
		}
		return properties;
	}

	/**
	 * The property itself, or one entry of a map or list property
	 * ({@code ENCORE_ACCESS_USERS_0_NAME}).
	 */
	private static boolean declares(Map<String, String> declared, String variable) {
		return declared.entrySet()
			.stream()
			.anyMatch((property) -> variable.equals(property.getKey()) || (variable.startsWith(property.getKey() + "_")
					&& property.getValue().matches("java\\.util\\.(Map|List|Set)<.*")));
	}

	private static Set<String> matches(Pattern pattern, String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}
