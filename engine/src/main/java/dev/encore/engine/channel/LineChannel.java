package dev.encore.engine.channel;

import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.encore.connectors.Channel;
import dev.encore.connectors.LineContent;

/**
 * LINE push to the profile's {@code lineUserId}: opt-in (follow), quiet at night, tried
 * first by reach. A template with a {@code title} becomes a Flex card ({@code image},
 * {@code coupon}, {@code button}, {@code url}). LINE deduplicates by retry key, so an
 * interrupted push is simply asked again.
 */
@Component
@Order(3)
public class LineChannel implements ChannelDescriptor {

	private static final Pattern USER_ID = Pattern.compile("U[0-9a-f]{32}");

	@Override
	public Channel channel() {
		return Channel.LINE;
	}

	@Override
	public String recipientField() {
		return "lineUserId";
	}

	@Override
	public String elementTemplateId() {
		return "dev.encore.send.line";
	}

	@Override
	public TemplateFormat templateFormat() {
		return TemplateFormat.TEXT;
	}

	/** A LINE user id as the Messaging API gives it: {@code U} and 32 hex digits. */
	@Override
	public String addressProblem(String address) {
		return (address != null && USER_ID.matcher(address).matches()) ? null
				: "not a LINE user id (U followed by 32 hex digits)";
	}

	@Override
	public ComposedMessage compose(RenderedTemplate line, Supplier<String> unsubscribeLink) {
		Map<String, String> card = line.fields();
		LineContent.Flex flex = blank(card.get("title")) ? null
				: new LineContent.Flex(emptyToNull(card.get("image")), card.get("title"),
						emptyToNull(card.get("coupon")), card.getOrDefault("button", "Shop"), card.get("url"));
		return new ComposedMessage(card.get("title"), line.text(), new LineContent(line.text(), flex));
	}

	@Override
	public GuardrailDefaults guardrails() {
		return new GuardrailDefaults(ConsentMode.OPT_IN, "21:00-09:00", true);
	}

	@Override
	public int reachRank() {
		return 10;
	}

	@Override
	public boolean providerDeduplicates() {
		return true;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String emptyToNull(String value) {
		return blank(value) ? null : value;
	}

}
