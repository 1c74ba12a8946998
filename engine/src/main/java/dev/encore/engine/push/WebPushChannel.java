package dev.encore.engine.push;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.encore.connectors.webpush.WebPushContent;
import dev.encore.connectors.webpush.WebPushSender;
import dev.encore.connectors.webpush.WebPushSubscription;
import dev.encore.engine.channel.ComposedMessage;
import dev.encore.engine.channel.RenderedTemplate;
import dev.encore.engine.channel.SendStep;

/**
 * Web push to every browser the customer subscribed: opt-in (the browser's permission),
 * quiet at night, tried by reach after LINE. A template's front matter gives
 * {@code title}, {@code url} and an optional {@code icon}; its text is the body. The
 * step's {@code ttl} (ISO-8601 or seconds) and {@code urgency} override the configured
 * ones.
 */
@Component
@Order(4)
public class WebPushChannel extends PushChannel {

	static final String ID = WebPushSender.WEBPUSH.id();

	private final WebPushProperties properties;

	WebPushChannel(CustomerDevices devices, WebPushProperties properties) {
		super(WebPushSender.WEBPUSH, devices);
		this.properties = properties;
	}

	@Override
	public String elementTemplateId() {
		return "dev.encore.send.webpush";
	}

	@Override
	public ComposedMessage compose(RenderedTemplate rendered, Supplier<String> unsubscribeLink) {
		return compose(rendered, Map.of());
	}

	/** With the step's {@code ttl} and {@code urgency}. */
	@Override
	public ComposedMessage compose(RenderedTemplate rendered, Supplier<String> unsubscribeLink, SendStep step) {
		return compose(rendered, step.inputs());
	}

	private ComposedMessage compose(RenderedTemplate push, Map<String, Object> inputs) {
		Map<String, String> card = push.fields();
		Duration ttl = PushInputs.duration(inputs.get("ttl"), this.properties.ttl());
		String urgency = PushInputs.text(inputs.get("urgency"), this.properties.urgency());
		return new ComposedMessage(card.get("title"), push.text(), new WebPushContent(card.get("title"), push.text(),
				PushInputs.blankToNull(card.get("url")), PushInputs.blankToNull(card.get("icon")), ttl, urgency));
	}

	@Override
	public int reachRank() {
		return 15;
	}

	static WebPushSubscription subscription(Device device) {
		return new WebPushSubscription(device.address(), device.keys().get("p256dh"), device.keys().get("auth"));
	}

}
