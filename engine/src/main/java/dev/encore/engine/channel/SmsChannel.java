package dev.encore.engine.channel;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.encore.connectors.Channel;
import dev.encore.connectors.SmsContent;

/** SMS to the profile's E.164 phone: opt-in, quiet at night, STOP stops everything. */
@Component
@Order(2)
public class SmsChannel implements ChannelDescriptor {

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

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
	public String addressProblem(String address) {
		return (address != null && E164.matcher(address).matches()) ? null
				: "not a phone number in E.164 form (+886912345678)";
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
