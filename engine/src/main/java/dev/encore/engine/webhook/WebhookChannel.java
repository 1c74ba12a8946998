package dev.encore.engine.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.encore.connectors.Channel;
import dev.encore.connectors.webhook.AllowedHosts;
import dev.encore.connectors.webhook.WebhookContent;
import dev.encore.connectors.webhook.WebhookSender;
import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.ComposedMessage;
import dev.encore.engine.channel.ConsentMode;
import dev.encore.engine.channel.GuardrailDefaults;
import dev.encore.engine.channel.RenderedTemplate;
import dev.encore.engine.channel.SendStep;
import dev.encore.engine.channel.TemplateFormat;

/**
 * A webhook step posts JSON to the shop's own system at the step's {@code url}: its
 * template's JSON, or without one the default envelope ({@code customerId},
 * {@code journey}, {@code step}, {@code sendKey}, {@code sentAt}, {@code event}). It
 * reaches no person, so no consent, caps or quiet hours apply and reach never picks it.
 * The receiver deduplicates by {@code Idempotency-Key}, so an interrupted call is simply
 * made again.
 */
class WebhookChannel implements ChannelDescriptor {

	static final String URL = "url";

	private final AllowedHosts hosts;

	private final ObjectMapper json;

	WebhookChannel(AllowedHosts hosts, ObjectMapper json) {
		this.hosts = hosts;
		this.json = json;
	}

	@Override
	public Channel channel() {
		return WebhookSender.WEBHOOK;
	}

	/** No profile field: the address is the step's {@code url}. */
	@Override
	public String recipientField() {
		return "id";
	}

	@Override
	public String recipient(String customerId, Map<String, Object> customer, Map<String, Object> inputs) {
		Object url = inputs.get(URL);
		return (url == null || url.toString().isBlank()) ? null : url.toString().strip();
	}

	@Override
	public String elementTemplateId() {
		return "dev.encore.send.webhook";
	}

	@Override
	public TemplateFormat templateFormat() {
		return TemplateFormat.JSON;
	}

	@Override
	public boolean templateRequired() {
		return false;
	}

	@Override
	public ComposedMessage compose(RenderedTemplate rendered, Supplier<String> unsubscribeLink) {
		return new ComposedMessage(null, rendered.text(), new WebhookContent(rendered.text()));
	}

	@Override
	public ComposedMessage compose(RenderedTemplate rendered, Supplier<String> unsubscribeLink, SendStep step) {
		if (rendered != null) {
			return compose(rendered, unsubscribeLink);
		}
		String envelope = envelope(step);
		return new ComposedMessage(null, envelope, new WebhookContent(envelope));
	}

	private String envelope(SendStep step) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("customerId", step.customerId());
		envelope.put("journey", step.journey());
		envelope.put("step", step.step());
		envelope.put("sendKey", step.sendKey());
		envelope.put("sentAt", step.at().toString());
		envelope.put("event", step.event());
		try {
			return this.json.writeValueAsString(envelope);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("The triggering event cannot be written as JSON", ex);
		}
	}

	@Override
	public List<String> inputProblems(Map<String, String> inputs) {
		String url = inputs.get(URL);
		if (url == null || url.isBlank()) {
			return List.of("a webhook step needs the input url");
		}
		if (url.contains("${")) {
			// Known at send time; the connector checks it then.
			return List.of();
		}
		String refusal = this.hosts.refusal(url);
		return refusal == null ? List.of() : List.of("url " + url + ": " + refusal);
	}

	@Override
	public GuardrailDefaults guardrails() {
		return new GuardrailDefaults(ConsentMode.OPT_OUT, null, false);
	}

	@Override
	public int reachRank() {
		return Integer.MAX_VALUE;
	}

	@Override
	public boolean reachesPerson() {
		return false;
	}

	@Override
	public boolean providerDeduplicates() {
		return true;
	}

}
