package dev.encore.engine.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.history.HistoricActivityInstance;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.connectors.sandbox.SandboxSender;
import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.goal.Conversions;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A scenario test of one shipped journey: what it sends (email read at the SMTP server,
 * SMS and LINE as the message log and the sandbox or LINE stand-in saw them), where it
 * ends and what it counts as a conversion. Customers are {@code <id>@example.org}.
 */
public abstract class JourneyScenarioTest extends EncoreIntegrationTest {

	@Autowired
	protected MessageLog messageLog;

	@Autowired
	protected Conversions conversions;

	@Autowired
	protected SandboxSender sandbox;

	/** A customer with an email address and first name Ada, plus the given traits. */
	protected String customer(Object... traitsAndValues) throws Exception {
		return identified(newCustomerId(), traitsAndValues);
	}

	/** A customer as {@link #customer}, in the holdout of the given journey. */
	protected String holdoutCustomer(String journeyKey, Object... traitsAndValues) throws Exception {
		return identified(Holdouts.inside(journeyKey, "c-"), traitsAndValues);
	}

	/** Identifies the given customer as {@link #customer} does. */
	protected String identified(String customer, Object... traitsAndValues) throws Exception {
		TestEvents identify = TestEvents.identify(customer, emailOf(customer), "Ada");
		for (int i = 0; i < traitsAndValues.length; i += 2) {
			identify.withTrait((String) traitsAndValues[i], traitsAndValues[i + 1]);
		}
		send(identify).andExpect(status().isAccepted());
		return customer;
	}

	/** Sends the event and runs the jobs it made due (the async-before send steps). */
	protected void event(TestEvents event) throws Exception {
		send(event).andExpect(status().isAccepted());
		this.clock.runDueJobs();
	}

	protected static String emailOf(String customer) {
		return customer + "@example.org";
	}

	protected List<MimeMessage> mailTo(String customer) throws MessagingException {
		List<MimeMessage> mail = new ArrayList<>();
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(emailOf(customer))) {
				mail.add(message);
			}
		}
		return mail;
	}

	protected List<String> subjects(String customer) throws MessagingException {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage message : mailTo(customer)) {
			subjects.add(message.getSubject());
		}
		return subjects;
	}

	/**
	 * The customer's mail from one journey, matched by Message-ID to the journey's
	 * message-log rows (other journeys, e.g. the order thank-you, may mail them too).
	 */
	protected List<MimeMessage> mailTo(String customer, String journeyKey) throws MessagingException {
		Set<String> sent = steps(customer, journeyKey).stream()
			.map(MessageLog.Entry::providerMessageId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		List<MimeMessage> mail = new ArrayList<>();
		for (MimeMessage message : mailTo(customer)) {
			if (sent.contains(message.getMessageID())) {
				mail.add(message);
			}
		}
		return mail;
	}

	protected List<String> subjects(String customer, String journeyKey) throws MessagingException {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage message : mailTo(customer, journeyKey)) {
			subjects.add(message.getSubject());
		}
		return subjects;
	}

	protected String body(MimeMessage message) {
		return GreenMailUtil.getBody(message);
	}

	/**
	 * The HTML part as the customer's mail client shows it (transfer encoding decoded).
	 */
	protected static String html(Part part) throws Exception {
		if (part.isMimeType("text/html")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String html = html(multipart.getBodyPart(i));
				if (html != null) {
					return html;
				}
			}
		}
		return null;
	}

	/** Message-log rows of the customer in one journey: sent, suppressed, deferred... */
	protected List<MessageLog.Entry> steps(String customer, String journeyKey) {
		return this.messageLog.forCustomer(customer)
			.stream()
			.filter((entry) -> entry.journey().equals(journeyKey))
			.toList();
	}

	/** What the sandbox connector (SMS in tests) recorded for the customer. */
	protected List<SandboxSender.RecordedMessage> sandboxed(String customer) {
		return this.sandbox.recordedFor(customer);
	}

	/**
	 * The none end events the customer's instances of the journey reached, oldest first.
	 */
	protected List<String> endEvents(String journeyKey, String customer) {
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(journeyKey)
			.processInstanceBusinessKey(customer)
			.orderByProcessInstanceStartTime()
			.asc()
			.list()
			.stream()
			.flatMap((instance) -> this.history.createHistoricActivityInstanceQuery()
				.processInstanceId(instance.getId())
				.activityType("noneEndEvent")
				.list()
				.stream())
			.map(HistoricActivityInstance::getActivityId)
			.toList();
	}

	/** The elements the customer's active instance of the journey waits at. */
	protected List<String> waitingAt(String journeyKey, String customer) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(journeyKey)
			.processInstanceBusinessKey(customer)
			.list()
			.stream()
			.flatMap((instance) -> this.runtime.getActiveActivityIds(instance.getId()).stream())
			.toList();
	}

}
