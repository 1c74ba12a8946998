package dev.encore.engine.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.encore.engine.EncoreApplication;

/**
 * One Encore engine node started as it would be in production, on its own HTTP port with
 * its own job executor, so several can share one database in a test.
 */
public final class EncoreNode implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String name;

	private final ConfigurableApplicationContext context;

	private EncoreNode(String name, ConfigurableApplicationContext context) {
		this.name = name;
		this.context = context;
	}

	/** A node on the given PostgreSQL database with the job executor running. */
	public static EncoreNode start(String name, String jdbcUrl, Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", jdbcUrl);
		properties.put("spring.datasource.username", TestDatabase.postgresUser());
		properties.put("spring.datasource.password", "");
		properties.putAll(extra);
		return start(name, properties, "test", "postgres");
	}

	/** A node on its own in-memory H2 database with the job executor running. */
	public static EncoreNode startEmbedded(String name, Map<String, Object> extra) {
		return start(name, extra, "test");
	}

	private static EncoreNode start(String name, Map<String, Object> extra, String... profiles) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", 0);
		properties.put("management.server.port", 0);
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", TestSmtpServer.port());
		properties.put("camunda.bpm.process-engine-name", name);
		properties.put("camunda.bpm.job-execution.enabled", true);
		// Poll often: the test moves Camunda's clock and waits for the nodes to catch up.
		properties.put("camunda.bpm.job-execution.wait-time-in-millis", 50);
		properties.put("camunda.bpm.job-execution.max-wait", 200);
		properties.putAll(extra);
		// As command-line arguments: they win over the profiles' files, as an operator's
		// would.
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EncoreApplication.class)
			.profiles(profiles)
			.run(arguments);
		return new EncoreNode(name, context);
	}

	public String name() {
		return this.name;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public boolean running() {
		return this.context.isActive();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	/** Where Prometheus and health details are served (the management port). */
	public String managementUrl() {
		return "http://127.0.0.1:" + this.context.getEnvironment().getProperty("local.management.port");
	}

	/** Posts one event the way a storefront does; the HTTP status. */
	public int post(TestEvents event) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/events"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(event.json()))
			.build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

}
