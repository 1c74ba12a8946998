package dev.encore.engine.testsupport;

import java.time.Instant;

import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Encore as it runs: the whole application with the real Camunda engine (H2 in memory, or
 * PostgreSQL on the build's second run, see {@link TestDatabase}), email through a real
 * SMTP server, webhooks to {@link TestWebhookReceiver}. Time is Camunda's clock, moved by
 * {@link #clock}. Every test works on fresh customer ids and leaves no journey running.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureObservability
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
@Tag("integration")
@Import(TestLogins.class)
public abstract class EncoreIntegrationTest {

	protected static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected RuntimeService runtime;

	@Autowired
	protected HistoryService history;

	@Autowired
	protected ManagementService management;

	@Autowired
	protected RepositoryService repository;

	protected JourneyClock clock;

	protected GreenMail smtp = TestSmtpServer.get();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", TestSmtpServer::port);
		registry.add("encore.connectors.line.channel-access-token", () -> "test-line-token");
		registry.add("encore.connectors.line.base-url", TestLineServer::baseUrl);
		registry.add("encore.connectors.webhook.secret", () -> TestWebhookReceiver.SECRET);
		registry.add("encore.connectors.webhook.allowed-hosts", () -> "localhost");
		TestDatabase.register(registry);
	}

	@BeforeEach
	void freshClockAndMailbox() throws Exception {
		this.clock = new JourneyClock(this.management);
		this.clock.setTo(START);
		this.smtp.purgeEmailFromAllMailboxes();
	}

	@AfterEach
	void endAllJourneys() {
		for (ProcessInstance instance : this.runtime.createProcessInstanceQuery().list()) {
			this.runtime.deleteProcessInstance(instance.getId(), "test cleanup", true, true);
		}
		this.clock.reset();
	}

	/**
	 * A fresh customer outside the shipped journeys' holdouts, so the messages a test
	 * expects are sent ({@link Holdouts#inside} makes a holdout customer).
	 */
	protected static String newCustomerId() {
		return Holdouts.outsideAll("c-");
	}

	protected ResultActions send(TestEvents event) throws Exception {
		return this.mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content(event.json()));
	}

	/** Removes a test's own deployments and their instances (the context is shared). */
	protected void deleteDeployments(String name) {
		this.repository.createDeploymentQuery()
			.deploymentName(name)
			.list()
			.forEach((deployment) -> this.repository.deleteDeployment(deployment.getId(), true));
	}

	protected long activeJourneys(String customerId, String journeyKey) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(journeyKey)
			.processInstanceBusinessKey(customerId)
			.count();
	}

}
