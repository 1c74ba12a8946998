package dev.encore.engine.journey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A customer's place, 0 to 99, in a journey's split: the same customer, journey and split
 * always land in the same place (reruns, replays and other nodes agree), and different
 * splits are independent of each other.
 */
public final class Buckets {

	private Buckets() {
	}

	public static int of(String customerId, String journeyKey, String split) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((customerId + '\u0000' + journeyKey + '\u0000' + split).getBytes(StandardCharsets.UTF_8));
			long value = 0;
			for (int i = 0; i < 8; i++) {
				value = (value << 8) | (digest[i] & 0xff);
			}
			return (int) Long.remainderUnsigned(value, 100);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

}
