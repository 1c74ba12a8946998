package dev.encore.engine.journey;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a timer or a send task's input stands for: a literal, or the journey setting it
 * names as {@code ${name}}, so that a problem with the value names the setting the
 * marketer edits ({@code setting.name}) rather than the element that reads it.
 *
 * @param name the {@code name} of {@code ${name}}; null for a literal or another
 * expression
 * @param value the literal, or the setting's value (null when there is no such setting)
 */
record SettingReference(String name, String value) {

	private static final Pattern REFERENCE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

	/** Of a text that may be null (no such input): then name and value are null. */
	static SettingReference of(String text, Map<String, String> settings) {
		if (text == null) {
			return new SettingReference(null, null);
		}
		String stripped = text.strip();
		Matcher reference = REFERENCE.matcher(stripped);
		return reference.matches() ? new SettingReference(reference.group(1), settings.get(reference.group(1)))
				: new SettingReference(null, stripped);
	}

	/** The property a marketer sets ({@code setting.name}); null for a literal. */
	String setting() {
		return this.name == null ? null : JourneySettings.PREFIX + this.name;
	}

	/** A {@code ${name}} with no setting of that name. */
	boolean missing() {
		return this.name != null && this.value == null;
	}

	/** A literal or a setting's value that is no expression, so it can be checked now. */
	boolean checkable() {
		return this.value != null && !this.value.contains("${");
	}

	/** A message about the value, led by the setting's name when it came from one. */
	String explain(String message) {
		return this.name == null ? message : setting() + ": " + message;
	}

}
