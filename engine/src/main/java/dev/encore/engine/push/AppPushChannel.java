package dev.encore.engine.push;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.encore.connectors.Channel;
import dev.encore.connectors.apppush.AppPushContent;
import dev.encore.connectors.apppush.FcmSender;
import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.ComposedMessage;
import dev.encore.engine.channel.ConsentMode;
import dev.encore.engine.channel.GuardrailDefaults;
import dev.encore.engine.channel.RenderedTemplate;
import dev.encore.engine.channel.TemplateFormat;

/**
 * App push (FCM) to every device token of the customer: opt-in (the phone's permission),
 * quiet at night, tried first by reach. A template's front matter gives {@code title},
 * {@code url} (the deep link) and an optional {@code icon}; its text is the body.
 */
@Component
@Order(5)
public class AppPushChannel implements ChannelDescriptor {

	static final String ID = FcmSender.APPPUSH.id();

	private final CustomerDevices devices;

	AppPushChannel(CustomerDevices devices) {
		this.devices = devices;
	}

	@Override
	public Channel channel() {
		return FcmSender.APPPUSH;
	}

	/** No profile field: the customer (their app installs) is the address. */
	@Override
	public String recipientField() {
		return "id";
	}

	@Override
	public String recipient(String customerId, Map<String, Object> customer, Map<String, Object> inputs) {
		return (customerId == null || this.devices.of(customerId, ID).isEmpty()) ? null : customerId;
	}

	@Override
	public String elementTemplateId() {
		return "dev.encore.send.apppush";
	}

	@Override
	public TemplateFormat templateFormat() {
		return TemplateFormat.TEXT;
	}

	@Override
	public ComposedMessage compose(RenderedTemplate push, Supplier<String> unsubscribeLink) {
		Map<String, String> card = push.fields();
		return new ComposedMessage(card.get("title"), push.text(), new AppPushContent(card.get("title"), push.text(),
				PushInputs.blankToNull(card.get("url")), PushInputs.blankToNull(card.get("icon"))));
	}

	@Override
	public GuardrailDefaults guardrails() {
		return new GuardrailDefaults(ConsentMode.OPT_IN, "21:00-09:00", true);
	}

	@Override
	public int reachRank() {
		return 5;
	}

}
