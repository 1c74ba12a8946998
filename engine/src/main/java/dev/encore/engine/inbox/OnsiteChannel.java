package dev.encore.engine.inbox;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.encore.connectors.Channel;
import dev.encore.connectors.onsite.InboxContent;
import dev.encore.connectors.onsite.InboxSender;
import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.ComposedMessage;
import dev.encore.engine.channel.ConsentMode;
import dev.encore.engine.channel.GuardrailDefaults;
import dev.encore.engine.channel.RenderedTemplate;
import dev.encore.engine.channel.SendStep;
import dev.encore.engine.channel.TemplateFormat;

/**
 * The on-site inbox: a message the storefront shows the customer on their next visit,
 * until it expires (the step's {@code expiresIn}, default seven days). Its address is the
 * customer id, so it reaches every customer; opt-out like email, and no quiet hours: it
 * is read when the customer comes, not pushed at night. Reach picks it only for a
 * customer who prefers it: a message waiting for a visit is no substitute for one that
 * arrives.
 */
class OnsiteChannel implements ChannelDescriptor {

	static final String EXPIRES_IN = "expiresIn";

	static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);

	@Override
	public Channel channel() {
		return InboxSender.ONSITE;
	}

	@Override
	public String recipientField() {
		return "id";
	}

	@Override
	public String recipient(String customerId, Map<String, Object> customer, Map<String, Object> inputs) {
		return customerId;
	}

	@Override
	public String elementTemplateId() {
		return "dev.encore.send.onsite";
	}

	@Override
	public TemplateFormat templateFormat() {
		return TemplateFormat.JSON;
	}

	@Override
	public ComposedMessage compose(RenderedTemplate rendered, Supplier<String> unsubscribeLink) {
		throw new UnsupportedOperationException("An inbox message needs its step (expiry, journey)");
	}

	@Override
	public ComposedMessage compose(RenderedTemplate rendered, Supplier<String> unsubscribeLink, SendStep step) {
		Map<String, String> fields = rendered.fields();
		Object expiresIn = step.inputs().get(EXPIRES_IN);
		Duration lifetime = blank(expiresIn) ? DEFAULT_EXPIRY : Duration.parse(expiresIn.toString().strip());
		InboxContent content = new InboxContent(fields.get("title"), fields.get("body"), emptyToNull(fields.get("url")),
				emptyToNull(fields.get("image")), step.at().plus(lifetime), step.journey(), step.step());
		return new ComposedMessage(content.title(), content.body(), content);
	}

	@Override
	public List<String> inputProblems(Map<String, String> inputs) {
		String expiresIn = inputs.get(EXPIRES_IN);
		if (blank(expiresIn) || expiresIn.contains("${")) {
			return List.of();
		}
		try {
			Duration lifetime = Duration.parse(expiresIn.strip());
			return (!lifetime.isNegative() && !lifetime.isZero()) ? List.of()
					: List.of("expiresIn must be a positive duration");
		}
		catch (DateTimeParseException ex) {
			return List.of("expiresIn '" + expiresIn + "' is not an ISO-8601 duration such as P7D or PT12H");
		}
	}

	@Override
	public GuardrailDefaults guardrails() {
		return new GuardrailDefaults(ConsentMode.OPT_OUT, null, false);
	}

	@Override
	public int reachRank() {
		return 40;
	}

	@Override
	public boolean triedByReach() {
		return false;
	}

	private static boolean blank(Object value) {
		return value == null || value.toString().isBlank();
	}

	private static String emptyToNull(String value) {
		return blank(value) ? null : value;
	}

}
