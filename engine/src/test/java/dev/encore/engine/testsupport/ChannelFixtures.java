package dev.encore.engine.testsupport;

import dev.encore.engine.channel.Channels;
import dev.encore.engine.channel.EmailChannel;
import dev.encore.engine.channel.LineChannel;
import dev.encore.engine.channel.SmsChannel;

/** The channel registry as the application builds it, for tests without Spring. */
public final class ChannelFixtures {

	private ChannelFixtures() {
	}

	/** Email, SMS and LINE, in their registration order. */
	public static Channels shipped() {
		return Channels.of(new EmailChannel(), new SmsChannel(), new LineChannel());
	}

}
