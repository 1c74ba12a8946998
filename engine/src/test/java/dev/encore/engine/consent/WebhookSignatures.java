package dev.encore.engine.consent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs test requests as Twilio and LINE do, with the secrets of application-test.yml.
 */
public final class WebhookSignatures {

	static final String TWILIO_URL = "https://shop.example.com/encore/webhooks/twilio/inbound";

	private WebhookSignatures() {
	}

	/** Twilio: HMAC-SHA1 of the URL and the sorted parameters, Base64. */
	public static String twilio(Map<String, String> form) throws Exception {
		StringBuilder data = new StringBuilder(TWILIO_URL);
		new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec("test-twilio-auth-token".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
	}

	/** LINE: HMAC-SHA256 of the raw body, Base64. */
	public static String line(byte[] body) throws Exception {
		return LineWebhook.signature("test-line-channel-secret", body);
	}

}
