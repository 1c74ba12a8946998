package dev.encore.engine.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import dev.encore.connectors.Channel;

/**
 * Signed one-click unsubscribe links for the {@code List-Unsubscribe} header (RFC 8058).
 * The signature is an HMAC over customer and channel, so a link cannot be forged for
 * somebody else. The endpoint that honours it belongs to the consent guardrails.
 */
@Component
class UnsubscribeLinks {

	private final String baseUrl;

	private final SecretKeySpec key;

	UnsubscribeLinks(DeliveryProperties properties) {
		this.baseUrl = properties.unsubscribe().baseUrl();
		String secret = properties.unsubscribe().secret();
		byte[] keyBytes;
		if (secret == null || secret.isBlank()) {
			keyBytes = new byte[32];
			new SecureRandom().nextBytes(keyBytes);
		}
		else {
			keyBytes = secret.getBytes(StandardCharsets.UTF_8);
		}
		this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
	}

	String link(String customerId, Channel channel) {
		return this.baseUrl + "?c=" + URLEncoder.encode(customerId, StandardCharsets.UTF_8) + "&ch=" + channel.id()
				+ "&s=" + signature(customerId, channel);
	}

	boolean verify(String customerId, Channel channel, String signature) {
		return java.security.MessageDigest.isEqual(signature(customerId, channel).getBytes(StandardCharsets.UTF_8),
				signature.getBytes(StandardCharsets.UTF_8));
	}

	private String signature(String customerId, Channel channel) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			byte[] digest = mac.doFinal((customerId + "\n" + channel.id()).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
