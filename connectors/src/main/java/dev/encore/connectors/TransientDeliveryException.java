package dev.encore.connectors;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider may accept the same message later (timeout, 429, 5xx): retry it, not
 * before {@link #retryAfter()} when the provider said so.
 */
public final class TransientDeliveryException extends DeliveryException {

	private final Duration retryAfter;

	private final boolean outcomeUnknown;

	public TransientDeliveryException(String reason, String message, Throwable cause) {
		this(reason, message, cause, null);
	}

	public TransientDeliveryException(String reason, String message, Throwable cause, Duration retryAfter) {
		this(reason, message, cause, retryAfter, false);
	}

	/**
	 * @param outcomeUnknown the request may have reached the provider (no answer): a
	 * blind resend could deliver twice
	 */
	public TransientDeliveryException(String reason, String message, Throwable cause, Duration retryAfter,
			boolean outcomeUnknown) {
		super(reason, message, cause);
		this.retryAfter = retryAfter;
		this.outcomeUnknown = outcomeUnknown;
	}

	/** Whether the provider may hold the message although it did not confirm it. */
	public boolean outcomeUnknown() {
		return this.outcomeUnknown;
	}

	/** The provider's {@code Retry-After}, when it sent one. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	/**
	 * Parses a {@code Retry-After} header given in seconds; null when absent or a date.
	 */
	public static Duration parseRetryAfter(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			long seconds = Long.parseLong(header.strip());
			return seconds < 0 ? null : Duration.ofSeconds(seconds);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
