package dev.encore.engine.delivery;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.ComposedMessage;
import dev.encore.engine.channel.RenderedTemplate;
import dev.encore.engine.profile.CustomerProfile;

/**
 * Who a step sends to and what it says, as the step's channel describes it: the address
 * from the profile field the channel names, the message from its template format.
 */
@Component
class ChannelMessages {

	private final MessageTemplates templates;

	private final UnsubscribeLinks unsubscribeLinks;

	ChannelMessages(MessageTemplates templates, UnsubscribeLinks unsubscribeLinks) {
		this.templates = templates;
		this.unsubscribeLinks = unsubscribeLinks;
	}

	/** The customer's address on the step's channel, null when there is none. */
	static String recipient(SendAttempt attempt, CustomerProfile profile, Map<String, Object> inputs) {
		return attempt.channel().recipient(attempt.customerId(), profile.toTemplateData(), inputs);
	}

	/**
	 * @param inputs the send step's input parameters, for channels that read them
	 */
	ComposedMessage compose(SendAttempt attempt, String locale, Map<String, Object> data, Map<String, Object> inputs) {
		ChannelDescriptor channel = attempt.channel();
		RenderedTemplate rendered = this.templates.render(channel, attempt.templateId(), locale, data);
		return channel.compose(rendered, () -> this.unsubscribeLinks.link(attempt.customerId(), channel.channel(),
				UnsubscribeLinks.Subscription.MARKETING), inputs);
	}

}
