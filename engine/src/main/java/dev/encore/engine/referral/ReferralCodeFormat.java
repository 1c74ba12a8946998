package dev.encore.engine.referral;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a personal code looks like: {@code ADA-7K3Q9PXM}, the first name in capitals
 * (accents dropped, A-Z only, at most {@value #MAX_PREFIX} letters, {@code FRIEND} when
 * nothing is left) and an HMAC of the customer id in an alphabet without look-alikes (no
 * 0/O, 1/I/L), so a code read aloud or typed from a phone is typed right.
 */
final class ReferralCodeFormat {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	static final int MAX_PREFIX = 6;

	static final String FALLBACK_PREFIX = "FRIEND";

	private final SecretKeySpec key;

	private final int length;

	ReferralCodeFormat(byte[] secret, int length) {
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.length = length;
	}

	/**
	 * The code for the customer; {@code attempt} > 0 gives another one for the rare
	 * customer whose first choice is taken.
	 */
	String code(String customerId, String firstName, int attempt) {
		String input = attempt == 0 ? customerId : customerId + "#" + attempt;
		BigInteger digest = new BigInteger(1, hmac(input));
		BigInteger base = BigInteger.valueOf(ALPHABET.length());
		StringBuilder code = new StringBuilder(prefix(firstName)).append('-');
		for (int i = 0; i < this.length; i++) {
			BigInteger[] divided = digest.divideAndRemainder(base);
			code.append(ALPHABET.charAt(divided[1].intValue()));
			digest = divided[0];
		}
		return code.toString();
	}

	static String prefix(String firstName) {
		if (firstName == null) {
			return FALLBACK_PREFIX;
		}
		String letters = Normalizer.normalize(firstName, Normalizer.Form.NFD)
			.toUpperCase(Locale.ROOT)
			.replaceAll("[^A-Z]", "");
		if (letters.isEmpty()) {
			return FALLBACK_PREFIX;
		}
		return letters.substring(0, Math.min(MAX_PREFIX, letters.length()));
	}

	/** A code as a customer may type it: any case, spaces around it. */
	static String normalised(String typed) {
		return typed.strip().toUpperCase(Locale.ROOT);
	}

	private byte[] hmac(String input) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
