package dev.encore.engine.delivery;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.connectors.Channel;
import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.EmailContent;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;
import dev.encore.connectors.TransientDeliveryException;
import dev.encore.engine.correlation.JourneyCorrelator;
import dev.encore.engine.intake.EventHistory;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileStore;

/**
 * The send task behind the element template "Encore: Send email" ({@code ${encoreSend}}).
 * A JavaDelegate rather than an external task: it runs in the job's transaction, so the
 * message-log row and the journey moving on commit together, and with {@code asyncBefore}
 * Camunda's job retries and incidents handle provider trouble with no polling worker to
 * run. Transient failures fail the job (retried, then an incident); permanent ones are
 * logged and the journey continues.
 */
@Component("encoreSend")
class SendMessageDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(SendMessageDelegate.class);

	static final String CHANNEL = "channel";

	static final String TEMPLATE_ID = "templateId";

	private final ProfileStore profiles;

	private final EventHistory events;

	private final MessageTemplates templates;

	private final Senders senders;

	private final MessageLog messageLog;

	SendMessageDelegate(ProfileStore profiles, EventHistory events, MessageTemplates templates, Senders senders,
			MessageLog messageLog) {
		this.profiles = profiles;
		this.events = events;
		this.templates = templates;
		this.senders = senders;
		this.messageLog = messageLog;
	}

	@Override
	public void execute(DelegateExecution execution) {
		SendAttempt attempt = attemptOf(execution);
		CustomerProfile profile = this.profiles.find(attempt.customerId())
			.orElseGet(() -> CustomerProfile.empty(attempt.customerId()));
		if (profile.email() == null) {
			this.messageLog.record(attempt, MessageStatus.FAILED, "no_address:email", null);
			log.info("No email address for customer={}; step {} of {} continues without sending", attempt.customerId(),
					attempt.activityId(), attempt.journeyKey());
			return;
		}
		RenderedEmail email = this.templates.renderEmail(attempt.templateId(), profile.locale(),
				templateData(execution, profile));
		SendAttempt rendered = attempt.rendered(email.subject(), email.text());
		try {
			DeliveryResult result = this.senders.forChannel(attempt.channel())
				.send(new OutboundMessage(attempt.sendKey(), attempt.customerId(), attempt.channel(), profile.email(),
						new EmailContent(email.subject(), email.html(), email.text(), Map.of())));
			this.messageLog.record(rendered, MessageStatus.SENT, null, result.providerMessageId());
		}
		catch (PermanentDeliveryException ex) {
			this.messageLog.record(rendered, MessageStatus.FAILED, ex.reason(), null);
			log.warn("Permanent failure sending {} to customer={}: {}", attempt.templateId(), attempt.customerId(),
					ex.reason());
		}
		catch (TransientDeliveryException ex) {
			this.messageLog.recordFailureSurvivingRollback(rendered, ex.reason());
			throw ex;
		}
	}

	private static SendAttempt attemptOf(DelegateExecution execution) {
		String channel = requiredInput(execution, CHANNEL);
		String templateId = requiredInput(execution, TEMPLATE_ID);
		Object loopCounter = execution.getVariableLocal("loopCounter");
		String sendKey = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId()
				+ (loopCounter == null ? "" : ":" + loopCounter);
		String journeyKey = execution.getProcessEngineServices()
			.getRepositoryService()
			.getProcessDefinition(execution.getProcessDefinitionId())
			.getKey();
		return new SendAttempt(sendKey, execution.getProcessBusinessKey(), journeyKey, execution.getProcessInstanceId(),
				execution.getCurrentActivityId(), Channel.fromId(channel), templateId, null, null);
	}

	private static String requiredInput(DelegateExecution execution, String name) {
		Object value = execution.getVariableLocal(name);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalStateException("Send task " + execution.getCurrentActivityId()
					+ " has no input parameter '" + name + "' (apply the Encore element template)");
		}
		return value.toString();
	}

	private Map<String, Object> templateData(DelegateExecution execution, CustomerProfile profile) {
		Map<String, Object> data = new HashMap<>();
		data.put("customer", profile.toTemplateData());
		data.put("cart", profile.cart());
		Object triggerId = execution.getVariable(JourneyCorrelator.TRIGGER_EVENT_ID);
		if (triggerId != null) {
			this.events.find(triggerId.toString()).ifPresent((event) -> data.put("event", event.toTemplateData()));
		}
		return data;
	}

}
