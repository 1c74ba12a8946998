package dev.encore.engine.delivery;

/** How one send attempt of a journey step ended. */
public enum MessageStatus {

	SENT, FAILED;

	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
