package dev.encore.engine.delivery;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Provider credentials, from the environment only (application.yml maps the providers'
 * usual variable names, e.g. {@code TWILIO_ACCOUNT_SID}). A channel whose credentials are
 * blank goes to the sandbox. A blank base URL or timeout takes the connector's own
 * default ({@code SmsSettings}, {@code LineSettings}: the provider's API, 10 s).
 *
 * @param sms Twilio
 * @param line LINE Messaging API
 */
@ConfigurationProperties("encore.connectors")
record ConnectorProperties(@DefaultValue Sms sms, @DefaultValue Line line) {

	/**
	 * Twilio: account SID plus auth token, or API key SID and secret; a from-number or a
	 * Messaging Service SID.
	 *
	 * @param accountSid {@code TWILIO_ACCOUNT_SID}; blank sends SMS to the sandbox
	 * @param authToken {@code TWILIO_AUTH_TOKEN}
	 * @param apiKeySid {@code TWILIO_API_KEY_SID}, instead of the auth token
	 * @param apiKeySecret {@code TWILIO_API_KEY_SECRET}
	 * @param fromNumber {@code TWILIO_FROM_NUMBER}
	 * @param messagingServiceSid {@code TWILIO_MESSAGING_SERVICE_SID}, instead of a
	 * from-number
	 * @param statusCallbackUrl {@code TWILIO_STATUS_CALLBACK_URL}: where Twilio reports
	 * delivery
	 * @param baseUrl Twilio's API root (tests point it elsewhere)
	 * @param timeout connect and read timeout of one request
	 */
	record Sms(String accountSid, String authToken, String apiKeySid, String apiKeySecret, String fromNumber,
			String messagingServiceSid, URI statusCallbackUrl, URI baseUrl, Duration timeout) {

		boolean configured() {
			return this.accountSid != null && !this.accountSid.isBlank();
		}

	}

	/**
	 * LINE Messaging API channel.
	 *
	 * @param channelAccessToken {@code LINE_CHANNEL_ACCESS_TOKEN}; blank sends LINE to
	 * the sandbox
	 * @param baseUrl the Messaging API root (tests point it elsewhere)
	 * @param timeout connect and read timeout of one request
	 */
	record Line(String channelAccessToken, URI baseUrl, Duration timeout) {

		boolean configured() {
			return this.channelAccessToken != null && !this.channelAccessToken.isBlank();
		}

	}

}
