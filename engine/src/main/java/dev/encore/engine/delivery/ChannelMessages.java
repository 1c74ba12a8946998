package dev.encore.engine.delivery;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.ComposedMessage;
import dev.encore.engine.channel.RenderedTemplate;
import dev.encore.engine.channel.SendStep;
import dev.encore.engine.journey.TemplateSource;
import dev.encore.engine.profile.CustomerProfile;

/**
 * Who a step sends to and what it says, as the step's channel describes it: the address
 * from the profile field the channel names, the message from its template format.
 */
@Component
class ChannelMessages {

	private final MessageTemplates templates;

	private final UnsubscribeLinks unsubscribeLinks;

	private final EmailTracking tracking;

	ChannelMessages(MessageTemplates templates, UnsubscribeLinks unsubscribeLinks, EmailTracking tracking) {
		this.templates = templates;
		this.unsubscribeLinks = unsubscribeLinks;
		this.tracking = tracking;
	}

	/** The customer's address on the step's channel, null when there is none. */
	static String recipient(SendAttempt attempt, CustomerProfile profile, Map<String, Object> inputs) {
		return attempt.channel().recipient(attempt.customerId(), profile.toTemplateData(), inputs);
	}

	/**
	 * @param at when the step runs
	 * @param inputs the step's input parameters
	 */
	@SuppressWarnings("unchecked")
	ComposedMessage compose(SendAttempt attempt, String locale, Map<String, Object> data, Instant at,
			Map<String, Object> inputs) {
		ChannelDescriptor channel = attempt.channel();
		RenderedTemplate rendered = (attempt.templateId() == null) ? null
				: this.templates.render(attempt.deploymentId(), channel, attempt.templateId(), locale, data);
		SendStep step = new SendStep(attempt.customerId(), attempt.journeyKey(), attempt.activityId(),
				attempt.sendKey(), at, (Map<String, Object>) data.get("event"), inputs);
		ComposedMessage message = channel.compose(rendered, () -> this.unsubscribeLinks.link(attempt.customerId(),
				channel.channel(), UnsubscribeLinks.Subscription.MARKETING), step);
		return this.tracking.track(message, attempt);
	}

	/** Which version of its template the step sends, null for a channel's own message. */
	String templateVersion(SendAttempt attempt, String locale) {
		return (attempt.templateId() == null) ? null
				: this.templates
					.source(attempt.deploymentId(), attempt.templateId(), attempt.channel().channel(), locale)
					.map(TemplateSource::version)
					.orElse(null);
	}

}
