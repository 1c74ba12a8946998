package dev.encore.engine.loyalty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.encore.engine.event.CustomerEvent;

/**
 * An order id as the ledger stores it: as sent when it fits its column and is printable
 * (PostgreSQL refuses NUL in text), else a SHA-256 of it, which still names one order.
 */
final class OrderRef {

	private OrderRef() {
	}

	static String of(String orderId) {
		if (orderId == null) {
			return null;
		}
		if (orderId.length() <= CustomerEvent.MAX_ID_LENGTH && orderId.chars().noneMatch(Character::isISOControl)) {
			return orderId;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(orderId.getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
