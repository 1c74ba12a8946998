package dev.encore.engine.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.springframework.stereotype.Component;

/**
 * Segment write keys: the HTTP Basic user name (empty password), as Segment's and
 * RudderStack's libraries send it, or {@code writeKey} in the body. Keys are compared in
 * constant time and never logged or echoed.
 */
@Component
public class WriteKeys {

	private final IntakeProperties properties;

	WriteKeys(IntakeProperties properties) {
		this.properties = properties;
	}

	void check(String authorization, String bodyWriteKey) {
		String key = fromBasic(authorization);
		if (key == null) {
			key = bodyWriteKey;
		}
		if (key == null || key.isBlank()) {
			throw new WriteKeyException("A write key is required: the HTTP Basic user name or writeKey in the body");
		}
		if (!known(key)) {
			throw new WriteKeyException("The write key is not valid");
		}
	}

	/**
	 * Whether the header carries a valid write key as the HTTP Basic user name: the
	 * storefront's way into the endpoints it reads (a customer's loyalty).
	 */
	public boolean accepts(String authorization) {
		String key = fromBasic(authorization);
		return key != null && !key.isBlank() && known(key);
	}

	private boolean known(String key) {
		byte[] given = key.getBytes(StandardCharsets.UTF_8);
		boolean known = false;
		for (String accepted : this.properties.segment().writeKeys()) {
			known |= MessageDigest.isEqual(given, accepted.getBytes(StandardCharsets.UTF_8));
		}
		return known;
	}

	private static String fromBasic(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? decoded : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
