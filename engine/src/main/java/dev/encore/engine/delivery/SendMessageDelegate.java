package dev.encore.engine.delivery;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;
import dev.encore.connectors.TransientDeliveryException;
import dev.encore.engine.channel.ComposedMessage;
import dev.encore.engine.channel.Channels;
import dev.encore.engine.journey.sandbox.JourneyBean;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileStore;

/**
 * The send task behind the "Encore: Send ..." element templates ({@code ${encoreSend}}),
 * for any registered channel. A JavaDelegate in an {@code asyncBefore} job: Camunda's job
 * retries and incidents handle provider trouble with no polling worker to run.
 * <p>
 * A step sends at most once however often its job runs: a {@code sending} row is
 * committed before the provider call. A rerun that finds {@code sent} (or a final
 * failure) does nothing; one that finds {@code sending} knows an earlier attempt may have
 * reached the provider: a provider that deduplicates (LINE's retry key) is asked again,
 * for the others (email, SMS) the step is marked {@code unknown} and follows
 * {@code encore.delivery.unknown-policy}. Transient failures fail the job (retried, then
 * an incident) and keep the step's cap slot for the retry; permanent ones give it back,
 * are logged, and the journey continues. Who gets what comes from {@link ChannelMessages}
 * and {@link TemplateData}.
 */
@Component("encoreSend")
@JourneyBean
class SendMessageDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(SendMessageDelegate.class);

	static final String MESSAGE_TYPE = "messageType";

	/** Outcomes counted by reason too, so an alert can say what broke. */
	private static final Set<MessageStatus> FAILURES = Set.of(MessageStatus.FAILED, MessageStatus.RETRYING,
			MessageStatus.UNKNOWN);

	/** Provider answers meaning the address will never take a message. */
	private static final Set<String> DEAD_ADDRESS = Set.of("invalid_address", "invalid_number", "twilio_21211",
			"twilio_21614", "invalid_line_user");

	private final Channels channels;

	private final ProfileStore profiles;

	private final TemplateData templateData;

	private final ChannelMessages messages;

	private final Senders senders;

	private final MessageLog messageLog;

	private final Guardrails guardrails;

	private final DeliveryProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	SendMessageDelegate(Channels channels, ProfileStore profiles, TemplateData templateData, ChannelMessages messages,
			Senders senders, MessageLog messageLog, Guardrails guardrails, DeliveryProperties properties,
			MeterRegistry meters, Clock clock) {
		this.channels = channels;
		this.profiles = profiles;
		this.templateData = templateData;
		this.messages = messages;
		this.senders = senders;
		this.messageLog = messageLog;
		this.guardrails = guardrails;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		SendAttempt attempt = SendAttempt.of(execution, this.channels);
		Optional<MessageStatus> earlier = this.messageLog.status(attempt.sendKey());
		if (earlier.isPresent() && !mayAttempt(attempt, earlier.get())) {
			return;
		}
		CustomerProfile profile = this.profiles.find(attempt.customerId())
			.orElseGet(() -> CustomerProfile.empty(attempt.customerId()));
		Guardrails.Send send = new Guardrails.Send(attempt.sendKey(), attempt.channel(),
				MessageType.fromInput(execution.getVariableLocal(MESSAGE_TYPE)), execution.getProcessDefinitionId());
		String recipient = ChannelMessages.recipient(attempt, profile, execution.getVariablesLocal());
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
				count(attempt, MessageStatus.DEFERRED, decision.reason());
				log.info("Deferred {} of {} for customer={} until {} ({})", attempt.activityId(), attempt.journeyKey(),
						attempt.customerId(), decision.until(), decision.reason());
				throw new SendDeferredException(decision.until());
			}
			default -> send(execution, attempt, earlier, profile, recipient, send);
		}
	}

	private void send(DelegateExecution execution, SendAttempt attempt, Optional<MessageStatus> earlier,
			CustomerProfile profile, String recipient, Guardrails.Send send) {
		ComposedMessage message;
		try {
			message = this.messages.compose(attempt, profile.locale(),
					this.templateData.forStep(execution, attempt, profile), this.clock.instant(),
					execution.getVariablesLocal());
		}
		catch (RuntimeException ex) {
			// Never a blank or half-rendered message in a customer's inbox.
			end(attempt, earlier, send, MessageStatus.FAILED, "template_error");
			log.warn("Template {} for {} failed for customer={}: {}", attempt.templateId(), attempt.channel().id(),
					attempt.customerId(), ex.getMessage());
			return;
		}
		this.messageLog.markSending(attempt.rendered(message.subject(), message.preview(),
				this.messages.templateVersion(attempt, profile.locale())));
		try {
			DeliveryResult result = this.senders.forChannel(attempt.channel().channel())
				.send(new OutboundMessage(attempt.sendKey(), attempt.customerId(), attempt.channel().channel(),
						recipient, message.content()));
			this.messageLog.finish(attempt.sendKey(), MessageStatus.SENT, null, result.providerMessageId(),
					result.segments());
			count(attempt, MessageStatus.SENT, null);
		}
		catch (PermanentDeliveryException ex) {
			this.guardrails.release(send, attempt.customerId());
			this.messageLog.finish(attempt.sendKey(), MessageStatus.FAILED, ex.reason(), null, null);
			count(attempt, MessageStatus.FAILED, ex.reason());
			if (DEAD_ADDRESS.contains(ex.reason())) {
				// Never again to this address, from any journey.
				this.guardrails.suppress(attempt.channel().channel(), recipient, SuppressionList.Reason.HARD_BOUNCE);
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
			count(attempt, MessageStatus.RETRYING, ex.reason());
			throw ex;
		}
	}

	/** Whether a rerun of the step may call the provider, given the earlier outcome. */
	private boolean mayAttempt(SendAttempt attempt, MessageStatus earlier) {
		switch (earlier) {
			case RETRYING, DEFERRED:
				return true;
			case SENDING:
				if (attempt.channel().providerDeduplicates()) {
					return true;
				}
				this.messageLog.finishSurvivingRollback(attempt.sendKey(), MessageStatus.UNKNOWN,
						"interrupted_during_send");
				count(attempt, MessageStatus.UNKNOWN, "interrupted_during_send");
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
		count(attempt, status, reason);
	}

	private void count(SendAttempt attempt, MessageStatus status, String reason) {
		this.meters.counter("encore.sends", "channel", attempt.channel().id(), "status", status.id()).increment();
		if (FAILURES.contains(status)) {
			// Reasons are short codes (smtp_unavailable, twilio_21610, template_error):
			// a bounded set, never message text.
			this.meters
				.counter("encore.send.failures", "channel", attempt.channel().id(), "status", status.id(), "reason",
						reason == null ? "unspecified" : reason)
				.increment();
		}
	}

}
