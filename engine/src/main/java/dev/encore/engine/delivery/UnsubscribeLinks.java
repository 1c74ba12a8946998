package dev.encore.engine.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.connectors.Channel;

/**
 * Unsubscribe links that need no login and reveal nothing: the token is the customer,
 * channel and topic encrypted (AES-GCM, so the customer id is not readable in the URL or
 * in mail logs) followed by an HMAC over the same three, so a link cannot be forged or
 * altered for somebody else. Both keys derive from one configured secret. See
 * docs/decisions/011.
 */
@Component
public class UnsubscribeLinks {

	private static final Logger log = LoggerFactory.getLogger(UnsubscribeLinks.class);

	private static final int NONCE = 12;

	private static final int MAC = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String baseUrl;

	private final SecretKeySpec encryption;

	// Looking a cipher up costs more than using it, and every send makes a link: one each
	// per thread, initialised anew (with a fresh nonce) for every token.
	private final ThreadLocal<Cipher> ciphers = ThreadLocal
		.withInitial(() -> create(() -> Cipher.getInstance("AES/GCM/NoPadding")));

	private final ThreadLocal<Mac> macs;

	UnsubscribeLinks(DeliveryProperties properties) {
		this.baseUrl = properties.unsubscribe().baseUrl();
		String secret = properties.unsubscribe().secret();
		byte[] master = new byte[32];
		if (secret == null || secret.isBlank()) {
			log.warn(
					"encore.delivery.unsubscribe.secret is not set: unsubscribe links stop working at the next restart");
			RANDOM.nextBytes(master);
		}
		else {
			master = secret.getBytes(StandardCharsets.UTF_8);
		}
		this.encryption = new SecretKeySpec(Arrays.copyOf(hmac(master, "encore-unsubscribe-encryption"), 16), "AES");
		SecretKeySpec signing = new SecretKeySpec(hmac(master, "encore-unsubscribe-signature"), "HmacSHA256");
		this.macs = ThreadLocal.withInitial(() -> create(() -> {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(signing);
			return mac;
		}));
	}

	/** The link for the {@code List-Unsubscribe} header and the email footer. */
	public String link(String customerId, Channel channel, String topic) {
		return this.baseUrl + "/" + token(new Subscription(customerId, channel, topic));
	}

	/**
	 * The link a test send carries: no customer's, so a marketer trying it unsubscribes
	 * nobody (the page answers that the link is not valid).
	 */
	String forTestSend() {
		return this.baseUrl + "/test-send";
	}

	String token(Subscription subscription) {
		byte[] payload = subscription.encoded();
		byte[] nonce = new byte[NONCE];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = this.ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, this.encryption, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(payload);
			ByteBuffer token = ByteBuffer.allocate(NONCE + sealed.length + MAC);
			token.put(nonce).put(sealed).put(Arrays.copyOf(mac(payload), MAC));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whose subscription a token stands for; empty for a tampered or foreign token. */
	public Optional<Subscription> verify(String token) {
		try {
			byte[] raw = Base64.getUrlDecoder().decode(token);
			// The decoder ignores a last character's spare bits; one token has one
			// spelling.
			if (raw.length <= NONCE + MAC + 16
					|| !Base64.getUrlEncoder().withoutPadding().encodeToString(raw).equals(token)) {
				return Optional.empty();
			}
			Cipher cipher = this.ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, this.encryption, new GCMParameterSpec(128, raw, 0, NONCE));
			byte[] payload = cipher.doFinal(raw, NONCE, raw.length - NONCE - MAC);
			byte[] expected = Arrays.copyOf(mac(payload), MAC);
			if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, raw.length - MAC, raw.length))) {
				return Optional.empty();
			}
			return Subscription.decode(payload);
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			return Optional.empty();
		}
	}

	private byte[] mac(byte[] payload) {
		return this.macs.get().doFinal(payload);
	}

	private static <T> T create(CryptoFactory<T> factory) {
		try {
			return factory.create();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private interface CryptoFactory<T> {

		T create() throws GeneralSecurityException;

	}

	private static byte[] hmac(byte[] key, String label) {
		return create(() -> {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
		});
	}

	/** What one link unsubscribes from. */
	public record Subscription(String customerId, Channel channel, String topic) {

		public static final String MARKETING = "marketing";

		byte[] encoded() {
			return (this.customerId + "\n" + this.channel.id() + "\n" + this.topic).getBytes(StandardCharsets.UTF_8);
		}

		static Optional<Subscription> decode(byte[] payload) {
			String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
			if (parts.length != 3) {
				return Optional.empty();
			}
			return Optional.of(new Subscription(parts[0], new Channel(parts[1]), parts[2]));
		}

	}

}
