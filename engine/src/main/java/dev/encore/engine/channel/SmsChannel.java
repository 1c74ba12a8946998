package dev.encore.engine.channel;

import java.util.function.Supplier;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.encore.connectors.Channel;
import dev.encore.connectors.SmsContent;

/** SMS to the profile's E.164 phone: opt-in, quiet at night, STOP stops everything. */
@Component
@Order(2)
public class SmsChannel implements ChannelDescriptor {

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public String recipientField() {
		return "phone";
	}

	@Override
	public String elementTemplateId() {
		return "dev.encore.send.sms";
	}

	@Override
	public TemplateFormat templateFormat() {
		return TemplateFormat.TEXT;
	}

	@Override
	public ComposedMessage compose(RenderedTemplate sms, Supplier<String> unsubscribeLink) {
		return new ComposedMessage(null, sms.text(), new SmsContent(sms.text()));
	}

	@Override
	public GuardrailDefaults guardrails() {
		return new GuardrailDefaults(ConsentMode.OPT_IN, "21:00-09:00", true);
	}

	@Override
	public int reachRank() {
		return 20;
	}

}
