package dev.encore.engine.delivery;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Provider credentials, from the environment only (see application.yml). A channel whose
 * credentials are blank goes to the sandbox.
 */
@ConfigurationProperties("encore.connectors")
record ConnectorProperties(@DefaultValue Sms sms, @DefaultValue Line line) {

	/**
	 * Twilio: account SID plus auth token, or API key SID and secret; a from-number or a
	 * Messaging Service SID.
	 */
	record Sms(String accountSid, String authToken, String apiKeySid, String apiKeySecret, String fromNumber,
			String messagingServiceSid, URI statusCallbackUrl, URI baseUrl, @DefaultValue("10s") Duration timeout) {

		boolean configured() {
			return this.accountSid != null && !this.accountSid.isBlank();
		}

	}

	/** LINE Messaging API channel. */
	record Line(String channelAccessToken, URI baseUrl, @DefaultValue("10s") Duration timeout) {

		boolean configured() {
			return this.channelAccessToken != null && !this.channelAccessToken.isBlank();
		}

	}

}
