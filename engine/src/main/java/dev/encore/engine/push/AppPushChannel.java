package dev.encore.engine.push;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.encore.connectors.apppush.AppPushContent;
import dev.encore.connectors.apppush.FcmSender;
import dev.encore.engine.channel.ComposedMessage;
import dev.encore.engine.channel.RenderedTemplate;

/**
 * App push (FCM) to every device token of the customer: opt-in (the phone's permission),
 * quiet at night, tried first by reach. A template's front matter gives {@code title},
 * {@code url} (the deep link) and an optional {@code icon}; its text is the body.
 */
@Component
@Order(5)
public class AppPushChannel extends PushChannel {

	static final String ID = FcmSender.APPPUSH.id();

	AppPushChannel(CustomerDevices devices) {
		super(FcmSender.APPPUSH, devices);
	}

	@Override
	public String elementTemplateId() {
		return "dev.encore.send.apppush";
	}

	@Override
	public ComposedMessage compose(RenderedTemplate push, Supplier<String> unsubscribeLink) {
		Map<String, String> card = push.fields();
		return new ComposedMessage(card.get("title"), push.text(), new AppPushContent(card.get("title"), push.text(),
				PushInputs.blankToNull(card.get("url")), PushInputs.blankToNull(card.get("icon"))));
	}

	@Override
	public int reachRank() {
		return 5;
	}

}
