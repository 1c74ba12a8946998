package dev.encore.engine.channel;

import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.encore.connectors.Channel;
import dev.encore.connectors.EmailContent;

/**
 * Email: opt-out, no quiet hours, and the channel that reaches everyone; every message
 * carries a one-click {@code List-Unsubscribe}. An unsubscribe covers marketing only.
 */
@Component
@Order(1)
public class EmailChannel implements ChannelDescriptor {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+");

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public String recipientField() {
		return "email";
	}

	@Override
	public String elementTemplateId() {
		return "dev.encore.send.email";
	}

	@Override
	public TemplateFormat templateFormat() {
		return TemplateFormat.HTML;
	}

	/** One plain address ({@code name@host.tld}), no display name or list. */
	@Override
	public String addressProblem(String address) {
		return (address != null && EMAIL.matcher(address).matches()) ? null : "not an email address";
	}

	@Override
	public ComposedMessage compose(RenderedTemplate email, Supplier<String> unsubscribeLink) {
		Map<String, String> headers = Map.of("List-Unsubscribe", "<" + unsubscribeLink.get() + ">",
				"List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		return new ComposedMessage(email.subject(), email.text(),
				new EmailContent(email.subject(), email.html(), email.text(), headers));
	}

	@Override
	public GuardrailDefaults guardrails() {
		return new GuardrailDefaults(ConsentMode.OPT_OUT, null, false);
	}

	@Override
	public int reachRank() {
		return Integer.MAX_VALUE;
	}

}
