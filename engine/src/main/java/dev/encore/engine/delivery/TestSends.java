package dev.encore.engine.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.connectors.DeliveryException;
import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;
import dev.encore.connectors.TransientDeliveryException;
import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.ComposedMessage;
import dev.encore.engine.channel.RenderedTemplate;
import dev.encore.engine.channel.TemplateFormat;
import dev.encore.engine.store.AuditTrail;

/**
 * A marketer's test send (decision 029): the template rendered as the preview renders it,
 * marked {@value #MARK}, sent through the channel's real connector to the address the
 * marketer typed. It is for the marketer's own inbox or phone, so consent, sunset,
 * suppression, caps and quiet hours do not apply; it is logged flagged as a test (never
 * counted) and audited with who sent it.
 */
@Component
class TestSends {

	private static final Logger log = LoggerFactory.getLogger(TestSends.class);

	static final String MARK = "[TEST]";

	/** The customer id a test rendered for a sample profile is logged under. */
	private static final String SAMPLE = "-";

	private final TemplatePreviews previews;

	private final Senders senders;

	private final MessageLog messageLog;

	private final AuditTrail audit;

	private final UnsubscribeLinks unsubscribeLinks;

	TestSends(TemplatePreviews previews, Senders senders, MessageLog messageLog, AuditTrail audit,
			UnsubscribeLinks unsubscribeLinks) {
		this.previews = previews;
		this.senders = senders;
		this.messageLog = messageLog;
		this.audit = audit;
		this.unsubscribeLinks = unsubscribeLinks;
	}

	/**
	 * @param to the address on the request's channel: email address, E.164 phone, LINE
	 * user id
	 * @param sentBy who asked, for the audit
	 * @throws PermanentDeliveryException when the provider refuses it for good
	 * @throws TransientDeliveryException when the provider cannot take it now
	 */
	Sent send(String templateId, String to, PreviewRequest request, String sentBy) {
		TemplatePreviews.Preview preview = this.previews.render(templateId, request);
		ChannelDescriptor channel = preview.channel();
		String problem = channel.addressProblem(to);
		if (problem != null) {
			throw new InvalidTemplateRequestException("to", problem);
		}
		ComposedMessage message = channel.compose(marked(channel, preview.rendered()),
				this.unsubscribeLinks::forTestSend);
		String customerId = (request.customerId() == null) ? SAMPLE : request.customerId();
		MessageLog.TestSend logged = new MessageLog.TestSend("test:" + UUID.randomUUID(), customerId,
				(preview.journey() == null) ? SAMPLE : preview.journey().key(), channel.id(), templateId,
				message.subject(), preview(message.preview()), preview.templateVersion());
		String outcome = "failed";
		try {
			DeliveryResult result = this.senders.forChannel(channel.channel())
				.send(new OutboundMessage(logged.sendKey(), customerId, channel.channel(), to, message.content()));
			this.messageLog.recordTestSend(logged, MessageStatus.SENT, null, result.providerMessageId());
			outcome = "sent";
			return new Sent(logged.sendKey(), message.subject(), preview.templateVersion(), result.providerMessageId());
		}
		catch (DeliveryException ex) {
			this.messageLog.recordTestSend(logged, MessageStatus.FAILED, ex.reason(), null);
			outcome = "failed: " + ex.reason();
			throw ex;
		}
		finally {
			this.audit.record(sentBy, "test_send", customerId, null, "%s %s (%s, version %s) %s".formatted(channel.id(),
					templateId, preview.locale(), preview.templateVersion(), outcome));
			log.info("Test send of {} on {} by {} for customer={}: {}", templateId, channel.id(), sentBy, customerId,
					outcome);
		}
	}

	/**
	 * What the marketer sees marked as a test: the subject, or the text (and card title).
	 */
	private static RenderedTemplate marked(ChannelDescriptor channel, RenderedTemplate rendered) {
		if (channel.templateFormat() == TemplateFormat.HTML) {
			return new RenderedTemplate(MARK + " " + rendered.subject(), rendered.html(), rendered.text(),
					rendered.fields());
		}
		Map<String, String> fields = new LinkedHashMap<>(rendered.fields());
		fields.computeIfPresent("title", (name, title) -> MARK + " " + title);
		return new RenderedTemplate(rendered.subject(), rendered.html(), MARK + " " + rendered.text(), fields);
	}

	private static String preview(String text) {
		return (text.length() > SendAttempt.PREVIEW_LENGTH) ? text.substring(0, SendAttempt.PREVIEW_LENGTH) : text;
	}

	/** A test that reached the provider. */
	record Sent(String sendKey, String subject, String templateVersion, String providerMessageId) {
	}

}
