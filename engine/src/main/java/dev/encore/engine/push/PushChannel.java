package dev.encore.engine.push;

import java.util.Map;

import dev.encore.connectors.Channel;
import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.ConsentMode;
import dev.encore.engine.channel.GuardrailDefaults;
import dev.encore.engine.channel.TemplateFormat;

/**
 * What both push channels are: the customer's registered devices are the address (no
 * profile field), templates are text with front matter, consent is opt-in (the device's
 * permission) and marketing is quiet at night.
 */
abstract class PushChannel implements ChannelDescriptor {

	private final Channel channel;

	private final CustomerDevices devices;

	PushChannel(Channel channel, CustomerDevices devices) {
		this.channel = channel;
		this.devices = devices;
	}

	@Override
	public Channel channel() {
		return this.channel;
	}

	/** No profile field: the customer (their devices) is the address. */
	@Override
	public String recipientField() {
		return "id";
	}

	@Override
	public String recipient(String customerId, Map<String, Object> customer, Map<String, Object> inputs) {
		return (customerId == null || this.devices.of(customerId, this.channel.id()).isEmpty()) ? null : customerId;
	}

	@Override
	public TemplateFormat templateFormat() {
		return TemplateFormat.TEXT;
	}

	@Override
	public GuardrailDefaults guardrails() {
		return new GuardrailDefaults(ConsentMode.OPT_IN, "21:00-09:00", true);
	}

}
