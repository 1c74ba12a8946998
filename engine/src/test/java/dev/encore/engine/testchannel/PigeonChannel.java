package dev.encore.engine.testchannel;

import java.util.function.Supplier;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.encore.connectors.Channel;
import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.ComposedMessage;
import dev.encore.engine.channel.ConsentMode;
import dev.encore.engine.channel.GuardrailDefaults;
import dev.encore.engine.channel.RenderedTemplate;
import dev.encore.engine.channel.TemplateFormat;

/**
 * A channel that exists only in tests: its address is the {@code pigeonLoft} trait,
 * marketing goes unless withdrawn (opt-out, unlike every shipped channel but email), no
 * quiet hours, reach tries it after SMS. {@link Registration} is its one registration.
 */
class PigeonChannel implements ChannelDescriptor {

	@Override
	public Channel channel() {
		return PigeonPost.PIGEON;
	}

	@Override
	public String recipientField() {
		return "pigeonLoft";
	}

	@Override
	public String elementTemplateId() {
		return "dev.encore.test.send.pigeon";
	}

	@Override
	public TemplateFormat templateFormat() {
		return TemplateFormat.TEXT;
	}

	@Override
	public ComposedMessage compose(RenderedTemplate rendered, Supplier<String> unsubscribeLink) {
		return new ComposedMessage(null, rendered.text(), new PigeonPost.Note(rendered.text()));
	}

	@Override
	public GuardrailDefaults guardrails() {
		return new GuardrailDefaults(ConsentMode.OPT_OUT, null, true);
	}

	@Override
	public int reachRank() {
		return 30;
	}

	/** The pigeon channel and its connector, for the tests that import it. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		PigeonChannel pigeonChannel() {
			return new PigeonChannel();
		}

		@Bean
		PigeonPost pigeonPost() {
			return new PigeonPost();
		}

	}

}
