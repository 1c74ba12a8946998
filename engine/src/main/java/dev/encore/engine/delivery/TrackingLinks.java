package dev.encore.engine.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The signed tokens of tracked links ({@code /t/c/<token>}) and open pixels
 * ({@code /t/o/<token>}):
 * {@code base64url(payload).base64url(HMAC-SHA256(payload)[0..16])} over the kind,
 * customer, send and destination, so a link cannot be altered to point elsewhere or to
 * count for somebody else (docs/decisions/025). The same send and link always make the
 * same token.
 */
@Component
class TrackingLinks {

	private static final Logger log = LoggerFactory.getLogger(TrackingLinks.class);

	private static final int MAC = 16;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final ThreadLocal<Mac> macs;

	private final String baseUrl;

	TrackingLinks(TrackingProperties properties) {
		this.baseUrl = properties.baseUrl();
		byte[] key = new byte[32];
		if (properties.secret() == null || properties.secret().isBlank()) {
			if (properties.active()) {
				log.warn("encore.tracking.secret is not set: tracked links stop working at the next restart");
			}
			new SecureRandom().nextBytes(key);
		}
		else {
			key = properties.secret().getBytes(StandardCharsets.UTF_8);
		}
		SecretKeySpec signing = new SecretKeySpec(key, "HmacSHA256");
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(signing);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	/** The redirect that counts a click on {@code url} in the send. */
	String click(Tracked send, String url) {
		return this.baseUrl + "/t/c/"
				+ token(new Tracked(Tracked.CLICK, send.customerId(), send.sendKey(), send.journey(), url));
	}

	/** The pixel that counts the send as opened. */
	String open(Tracked send) {
		return this.baseUrl + "/t/o/"
				+ token(new Tracked(Tracked.OPEN, send.customerId(), send.sendKey(), send.journey(), ""));
	}

	String token(Tracked tracked) {
		byte[] payload = tracked.encoded();
		return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
	}

	/** What a token stands for; empty when it was altered or made with another key. */
	Optional<Tracked> verify(String token, String kind) {
		int dot = token.indexOf('.');
		try {
			byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, Math.max(dot, 0)));
			byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
			if (dot < 0 || !MessageDigest.isEqual(mac(payload), signature)) {
				return Optional.empty();
			}
			return Tracked.decode(payload).filter((tracked) -> tracked.kind().equals(kind));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private byte[] mac(byte[] payload) {
		return Arrays.copyOf(this.macs.get().doFinal(payload), MAC);
	}

	/**
	 * One tracked link or pixel.
	 *
	 * @param kind {@link #CLICK} or {@link #OPEN}
	 * @param url where a click goes; empty for the pixel
	 */
	record Tracked(String kind, String customerId, String sendKey, String journey, String url) {

		static final String CLICK = "c";

		static final String OPEN = "o";

		/** A send to track, before any link of it. */
		static Tracked send(String customerId, String sendKey, String journey) {
			return new Tracked("", customerId, sendKey, journey, "");
		}

		byte[] encoded() {
			return String.join("\n", this.kind, this.customerId, this.sendKey, this.journey, this.url)
				.getBytes(StandardCharsets.UTF_8);
		}

		static Optional<Tracked> decode(byte[] payload) {
			String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
			return parts.length != 5 ? Optional.empty()
					: Optional.of(new Tracked(parts[0], parts[1], parts[2], parts[3], parts[4]));
		}

	}

}
