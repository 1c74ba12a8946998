package dev.encore.connectors.sms;

import java.net.URI;
import java.time.Duration;

/**
 * Twilio account and sender identity. Authenticates with an API key (preferred) when
 * {@code apiKeySid} is set, otherwise with the account's auth token.
 *
 * @param fromNumber E.164 sender number; ignored when {@code messagingServiceSid} is set
 * @param statusCallbackUrl where Twilio reports delivery status, may be null
 * @param baseUrl Twilio's REST API root ({@code https://api.twilio.com}); tests point it
 * elsewhere
 * @param timeout connect and read timeout of one request
 */
public record SmsSettings(String accountSid, String authToken, String apiKeySid, String apiKeySecret, String fromNumber,
		String messagingServiceSid, URI statusCallbackUrl, URI baseUrl, Duration timeout) {

	public static final URI TWILIO_API = URI.create("https://api.twilio.com");

	public SmsSettings {
		if (blank(accountSid)) {
			throw new IllegalArgumentException("accountSid is required");
		}
		if (blank(apiKeySid) ? blank(authToken) : blank(apiKeySecret)) {
			throw new IllegalArgumentException("authToken, or apiKeySid with apiKeySecret, is required");
		}
		if (blank(fromNumber) && blank(messagingServiceSid)) {
			throw new IllegalArgumentException("fromNumber or messagingServiceSid is required");
		}
		baseUrl = baseUrl == null ? TWILIO_API : baseUrl;
		timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
	}

	String username() {
		return blank(this.apiKeySid) ? this.accountSid : this.apiKeySid;
	}

	String password() {
		return blank(this.apiKeySid) ? this.authToken : this.apiKeySecret;
	}

	boolean usesMessagingService() {
		return !blank(this.messagingServiceSid);
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
