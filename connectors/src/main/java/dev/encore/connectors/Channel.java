package dev.encore.connectors;

/** A way to reach a customer. */
public enum Channel {

	EMAIL, SMS, LINE;

	/** Lower-case name as used in journeys, templates and the message log. */
	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static Channel fromId(String id) {
		for (Channel channel : values()) {
			if (channel.id().equalsIgnoreCase(id)) {
				return channel;
			}
		}
		throw new IllegalArgumentException("Unknown channel '" + id + "' (expected email, sms or line)");
	}

}
