package dev.encore.engine.delivery;

/**
 * Where one journey step's send stands. {@code sending} is committed before the provider
 * call: a rerun that finds it knows the provider may already hold the message.
 */
public enum MessageStatus {

	/** About to call, or calling, the provider. */
	SENDING,
	/** The provider accepted it. */
	SENT,
	/** The provider will never accept it (permanent failure), or there is no address. */
	FAILED,
	/** A guardrail stopped it (the reason says which); the journey went on. */
	SUPPRESSED,
	/** Waiting for quiet hours to end (or a cap to free); the job is due again then. */
	DEFERRED,
	/** The last attempt failed transiently; the job will try again. */
	RETRYING,
	/**
	 * A rerun found {@code sending}: the provider may or may not have it, and resending
	 * could duplicate it.
	 */
	UNKNOWN;

	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	static MessageStatus fromId(String id) {
		return valueOf(id.toUpperCase(java.util.Locale.ROOT));
	}

}
