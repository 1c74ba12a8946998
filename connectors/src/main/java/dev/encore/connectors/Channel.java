package dev.encore.connectors;

import java.util.Locale;

/**
 * A way to reach a customer, named by its id as used in journeys, templates and the
 * message log. Open: a channel is its connector package plus one registration in the
 * engine, not a constant added here.
 *
 * @param id lower case, e.g. {@code email}, {@code sms}, {@code line}
 */
public record Channel(String id) {

	public static final Channel EMAIL = new Channel("email");

	public static final Channel SMS = new Channel("sms");

	public static final Channel LINE = new Channel("line");

	public Channel {
		if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
			throw new IllegalArgumentException("A channel id is lower-case letters, digits and '-', not '" + id + "'");
		}
	}

	/** The channel named {@code id}, in any case. */
	public static Channel of(String id) {
		return new Channel(id == null ? null : id.strip().toLowerCase(Locale.ROOT));
	}

	@Override
	public String toString() {
		return this.id;
	}

}
