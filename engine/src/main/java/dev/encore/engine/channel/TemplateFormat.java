package dev.encore.engine.channel;

/** How a channel's templates are written. */
public enum TemplateFormat {

	/**
	 * HTML with a {@code subject} in front matter; data is escaped and a plain-text
	 * version is derived (email).
	 */
	HTML,

	/** Plain text; each front-matter field (a LINE card's title...) is rendered too. */
	TEXT,

	/**
	 * A JSON document; data is escaped for JSON strings and the result must parse. Its
	 * top-level values are the rendered template's fields (an inbox message's title).
	 */
	JSON

}
