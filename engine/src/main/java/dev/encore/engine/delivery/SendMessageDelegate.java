package dev.encore.engine.delivery;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.connectors.Channel;
import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.EmailContent;
import dev.encore.connectors.LineContent;
import dev.encore.connectors.MessageContent;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;
import dev.encore.connectors.SmsContent;
import dev.encore.connectors.TransientDeliveryException;
import dev.encore.engine.event.EventHistory;
import dev.encore.engine.journey.JourneySettings;
import dev.encore.engine.journey.JourneyVariables;
import dev.encore.engine.journey.sandbox.JourneyBean;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.referral.ReferralCodes;

/**
 * The send task behind the "Encore: Send email / SMS / LINE message" element templates
 * ({@code ${encoreSend}}). A JavaDelegate in an {@code asyncBefore} job: Camunda's job
 * retries and incidents handle provider trouble with no polling worker to run.
 * <p>
 * A step sends at most once however often its job runs: a {@code sending} row is
 * committed before the provider call. A rerun that finds {@code sent} (or a final
 * failure) does nothing; one that finds {@code sending} knows an earlier attempt may have
 * reached the provider: LINE is asked again with the same retry key (LINE deduplicates),
 * email and SMS are marked {@code unknown} and follow
 * {@code encore.delivery.unknown-policy}. Transient failures fail the job (retried, then
 * an incident) and keep the step's cap slot for the retry; permanent ones give it back,
 * are logged, and the journey continues.
 */
@Component("encoreSend")
@JourneyBean
class SendMessageDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(SendMessageDelegate.class);

	static final String CHANNEL = "channel";

	static final String TEMPLATE_ID = "templateId";

	static final String MESSAGE_TYPE = "messageType";

	static final String REFERRAL_CODE = "customer.referralCode";

	/** Provider answers meaning the address will never take a message. */
	private static final java.util.Set<String> DEAD_ADDRESS = java.util.Set.of("invalid_address", "invalid_number",
			"twilio_21211", "twilio_21614", "invalid_line_user");

	private final ProfileStore profiles;

	private final EventHistory events;

	private final MessageTemplates templates;

	private final Senders senders;

	private final MessageLog messageLog;

	private final UnsubscribeLinks unsubscribeLinks;

	private final DeliveryProperties properties;

	private final MeterRegistry meters;

	private final JourneySettings settings;

	private final Guardrails guardrails;

	private final Clock clock;

	private final ReferralCodes referralCodes;

	SendMessageDelegate(ProfileStore profiles, EventHistory events, MessageTemplates templates, Senders senders,
			MessageLog messageLog, UnsubscribeLinks unsubscribeLinks, DeliveryProperties properties,
			MeterRegistry meters, JourneySettings settings, Guardrails guardrails, Clock clock,
			ReferralCodes referralCodes) {
		this.referralCodes = referralCodes;
		this.settings = settings;
		this.guardrails = guardrails;
		this.clock = clock;
		this.profiles = profiles;
		this.events = events;
		this.templates = templates;
		this.senders = senders;
		this.messageLog = messageLog;
		this.unsubscribeLinks = unsubscribeLinks;
		this.properties = properties;
		this.meters = meters;
	}

	@Override
	public void execute(DelegateExecution execution) {
		SendAttempt attempt = attemptOf(execution);
		Optional<MessageStatus> earlier = this.messageLog.status(attempt.sendKey());
		if (earlier.isPresent() && !mayAttempt(attempt, earlier.get())) {
			return;
		}
		CustomerProfile profile = this.profiles.find(attempt.customerId())
			.orElseGet(() -> CustomerProfile.empty(attempt.customerId()));
		Guardrails.Send send = new Guardrails.Send(attempt.sendKey(), attempt.channel(),
				MessageType.fromInput(execution.getVariableLocal(MESSAGE_TYPE)), execution.getProcessDefinitionId());
		String recipient = recipient(attempt.channel(), profile);
		if (recipient == null) {
			end(attempt, earlier, send, MessageStatus.FAILED, "no_address:" + attempt.channel().id());
			log.info("No {} address for customer={}; step {} of {} continues without sending", attempt.channel().id(),
					attempt.customerId(), attempt.activityId(), attempt.journeyKey());
			return;
		}
		Guardrails.Decision decision = this.guardrails.check(send, profile, recipient, this.clock.instant());
		switch (decision.outcome()) {
			case SUPPRESS -> {
				end(attempt, earlier, send, MessageStatus.SUPPRESSED, decision.reason());
				this.meters
					.counter("encore.suppressions", "channel", attempt.channel().id(), "reason", decision.reason())
					.increment();
				log.info("Suppressed {} of {} for customer={}: {}; the journey continues", attempt.activityId(),
						attempt.journeyKey(), attempt.customerId(), decision.reason());
			}
			case DEFER -> {
				this.messageLog.deferSurvivingRollback(attempt, decision.reason(), decision.until());
				count(attempt, MessageStatus.DEFERRED);
				log.info("Deferred {} of {} for customer={} until {} ({})", attempt.activityId(), attempt.journeyKey(),
						attempt.customerId(), decision.until(), decision.reason());
				throw new SendDeferredException(decision.until());
			}
			default -> send(execution, attempt, earlier, profile, recipient, send);
		}
	}

	private void send(DelegateExecution execution, SendAttempt attempt, Optional<MessageStatus> earlier,
			CustomerProfile profile, String recipient, Guardrails.Send send) {
		Rendered rendered;
		try {
			rendered = render(attempt, profile, templateData(execution, attempt, profile));
		}
		catch (RuntimeException ex) {
			// Never a blank or half-rendered message in a customer's inbox.
			end(attempt, earlier, send, MessageStatus.FAILED, "template_error");
			log.warn("Template {} for {} failed for customer={}: {}", attempt.templateId(), attempt.channel().id(),
					attempt.customerId(), ex.getMessage());
			return;
		}
		SendAttempt sending = attempt.rendered(rendered.subject(), rendered.preview());
		this.messageLog.markSending(sending);
		try {
			DeliveryResult result = this.senders.forChannel(attempt.channel())
				.send(new OutboundMessage(attempt.sendKey(), attempt.customerId(), attempt.channel(), recipient,
						rendered.content()));
			this.messageLog.finish(attempt.sendKey(), MessageStatus.SENT, null, result.providerMessageId(),
					result.segments());
			count(attempt, MessageStatus.SENT);
		}
		catch (PermanentDeliveryException ex) {
			this.guardrails.release(send, attempt.customerId());
			this.messageLog.finish(attempt.sendKey(), MessageStatus.FAILED, ex.reason(), null, null);
			count(attempt, MessageStatus.FAILED);
			if (DEAD_ADDRESS.contains(ex.reason())) {
				// Never again to this address, from any journey.
				this.guardrails.suppress(attempt.channel(), recipient, SuppressionList.Reason.HARD_BOUNCE);
			}
			log.warn("Permanent failure sending {} to customer={}: {}", attempt.templateId(), attempt.customerId(),
					ex.reason());
		}
		catch (TransientDeliveryException ex) {
			// The retry, maybe after midnight, keeps the cap slot on the day it was
			// taken.
			if (!ex.outcomeUnknown()) {
				// The provider did not take it: a retry may send. An unanswered call
				// stays 'sending' so the retry treats it as possibly delivered.
				this.messageLog.finishSurvivingRollback(attempt.sendKey(), MessageStatus.RETRYING, ex.reason());
			}
			count(attempt, MessageStatus.RETRYING);
			throw ex;
		}
	}

	/** Whether a rerun of the step may call the provider, given the earlier outcome. */
	private boolean mayAttempt(SendAttempt attempt, MessageStatus earlier) {
		switch (earlier) {
			case RETRYING, DEFERRED:
				return true;
			case SENDING:
				if (attempt.channel() == Channel.LINE) {
					return true;
				}
				this.messageLog.finishSurvivingRollback(attempt.sendKey(), MessageStatus.UNKNOWN,
						"interrupted_during_send");
				count(attempt, MessageStatus.UNKNOWN);
				log.warn("Send {} for customer={} was interrupted after calling the provider; policy {}",
						attempt.sendKey(), attempt.customerId(), this.properties.unknownPolicy());
				return this.properties.unknownPolicy() == DeliveryProperties.UnknownPolicy.RESEND;
			default:
				// sent, failed for good, or unknown already decided: the step is done.
				return false;
		}
	}

	/**
	 * Ends the step without a provider call and gives back the cap slot it holds, taken
	 * now or by an earlier attempt (the customer unsubscribed overnight, say).
	 */
	private void end(SendAttempt attempt, Optional<MessageStatus> earlier, Guardrails.Send send, MessageStatus status,
			String reason) {
		this.guardrails.release(send, attempt.customerId());
		if (earlier.isPresent()) {
			this.messageLog.finish(attempt.sendKey(), status, reason, null, null);
		}
		else {
			this.messageLog.record(attempt, status, reason);
		}
		count(attempt, status);
	}

	private void count(SendAttempt attempt, MessageStatus status) {
		this.meters.counter("encore.sends", "channel", attempt.channel().id(), "status", status.id()).increment();
	}

	private static String recipient(Channel channel, CustomerProfile profile) {
		return switch (channel) {
			case EMAIL -> profile.email();
			case SMS -> profile.phone();
			case LINE -> profile.lineUserId();
		};
	}

	private Rendered render(SendAttempt attempt, CustomerProfile profile, Map<String, Object> data) {
		String locale = profile.locale();
		return switch (attempt.channel()) {
			case EMAIL -> {
				RenderedEmail email = this.templates.renderEmail(attempt.templateId(), locale, data);
				String link = this.unsubscribeLinks.link(attempt.customerId(), Channel.EMAIL,
						UnsubscribeLinks.Subscription.MARKETING);
				yield new Rendered(email.subject(), email.text(),
						new EmailContent(email.subject(), email.html(), email.text(), Map.of("List-Unsubscribe",
								"<" + link + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
			}
			case SMS -> {
				MessageTemplates.RenderedText sms = this.templates.renderText(attempt.templateId(), Channel.SMS, locale,
						data);
				yield new Rendered(null, sms.text(), new SmsContent(sms.text()));
			}
			case LINE -> {
				MessageTemplates.RenderedText line = this.templates.renderText(attempt.templateId(), Channel.LINE,
						locale, data);
				Map<String, String> card = line.fields();
				LineContent.Flex flex = blank(card.get("title")) ? null
						: new LineContent.Flex(emptyToNull(card.get("image")), card.get("title"),
								emptyToNull(card.get("coupon")), card.getOrDefault("button", "Shop"), card.get("url"));
				yield new Rendered(card.get("title"), line.text(), new LineContent(line.text(), flex));
			}
		};
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String emptyToNull(String value) {
		return blank(value) ? null : value;
	}

	private static SendAttempt attemptOf(DelegateExecution execution) {
		String channel = requiredInput(execution, CHANNEL);
		String templateId = requiredInput(execution, TEMPLATE_ID);
		// Not local: a send task inside a multi-instance subprocess sends once per
		// instance of it.
		Object loopCounter = execution.getVariable("loopCounter");
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

	private Map<String, Object> templateData(DelegateExecution execution, SendAttempt attempt,
			CustomerProfile profile) {
		Map<String, Object> data = new HashMap<>();
		Map<String, Object> customer = profile.toTemplateData();
		// Only a template that shows the code makes one: most customers never refer.
		if (this.templates.mentions(attempt.templateId(), attempt.channel(), profile.locale(), REFERRAL_CODE)) {
			customer.put("referralCode", this.referralCodes.codeFor(attempt.customerId(), profile.firstName()));
		}
		data.put("customer", customer);
		data.put("cart", profile.cart());
		data.put("settings", this.settings.of(execution.getProcessDefinitionId(), attempt.journeyKey()));
		data.put("journey", journeyValues(execution));
		Object triggerId = execution.getVariable(JourneyVariables.TRIGGER_EVENT_ID);
		if (triggerId != null) {
			this.events.find(triggerId.toString()).ifPresent((event) -> data.put("event", event.toTemplateData()));
		}
		return data;
	}

	/**
	 * The journey's plain values as this step sees them: its settings and what earlier
	 * steps worked out (e.g. {@code journey.reorderLink}); never the profile, which
	 * templates read as {@code customer}.
	 */
	private static Map<String, Object> journeyValues(DelegateExecution execution) {
		Map<String, Object> values = new HashMap<>();
		execution.getVariables().forEach((name, value) -> {
			if (value instanceof String || value instanceof Number || value instanceof Boolean) {
				values.put(name, value);
			}
		});
		return values;
	}

	/** What one step says on its channel, and what support sees of it. */
	private record Rendered(String subject, String preview, MessageContent content) {
	}

}
