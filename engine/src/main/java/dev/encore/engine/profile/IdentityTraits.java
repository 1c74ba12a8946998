package dev.encore.engine.profile;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads identify traits into the typed identity fields, in Segment's camelCase or
 * snake_case spelling. Unusable values are not stored in the typed field (an SMS must not
 * go to a malformed number) but kept as {@code invalidPhone}, {@code invalidTimeZone},
 * {@code invalidBirthday} traits, so support sees what the storefront sent.
 */
final class IdentityTraits {

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

	private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().\\-]");

	private IdentityTraits() {
	}

	/**
	 * @param reportedAt when the traits were sent: the time of a consent that names none
	 * @param source where they came from: the source of a consent that names none
	 */
	static CustomerProfile merge(CustomerProfile profile, Map<String, Object> incoming, Instant reportedAt,
			String source) {
		Map<String, Object> rest = new HashMap<>(profile.traits());
		rest.putAll(incoming);
		String first = take(rest, profile.firstName(), "firstName", "first_name");
		String last = take(rest, profile.lastName(), "lastName", "last_name");
		Object name = rest.get("name");
		if (first == null && name instanceof String full && !full.isBlank()) {
			int space = full.indexOf(' ');
			first = space < 0 ? full : full.substring(0, space);
			last = space < 0 ? last : full.substring(space + 1);
		}
		String email = take(rest, profile.email(), "email");
		String phone = valid(rest, "invalidPhone", take(rest, null, "phone"), IdentityTraits::e164, profile.phone());
		String zone = valid(rest, "invalidTimeZone", take(rest, null, "timeZone", "timezone", "time_zone"),
				IdentityTraits::zoneId, profile.timeZone());
		String birthday = valid(rest, "invalidBirthday", take(rest, null, "birthday"), IdentityTraits::birthday,
				profile.birthday() == null ? null : profile.birthday().toString());
		String locale = take(rest, profile.locale(), "locale");
		String line = take(rest, profile.lineUserId(), "lineUserId", "line_user_id");
		Map<String, Consent> consents = Consents.merge(profile.consents(), rest.remove("consents"), reportedAt, source);
		return new CustomerProfile(profile.customerId(), email, phone, first, last, locale, zone, rest, profile.cart(),
				line, birthday == null ? null : Birthday.parse(birthday), consents, profile.orders(),
				profile.engagement(), profile.lifecycle(), profile.extensions());
	}

	/** The number in E.164 after removing spaces and punctuation, or null. */
	static String e164(String raw) {
		String compact = PHONE_PUNCTUATION.matcher(raw).replaceAll("");
		if (compact.startsWith("00")) {
			compact = "+" + compact.substring(2);
		}
		return E164.matcher(compact).matches() ? compact : null;
	}

	private static String zoneId(String raw) {
		try {
			return ZoneId.of(raw).getId();
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static String birthday(String raw) {
		Birthday birthday = Birthday.parse(raw);
		return birthday == null ? null : birthday.toString();
	}

	private static String valid(Map<String, Object> rest, String invalidTrait, String raw,
			UnaryOperator<String> normalizer, String current) {
		if (raw == null) {
			return current;
		}
		String normal = normalizer.apply(raw);
		if (normal == null) {
			rest.put(invalidTrait, raw);
			return current;
		}
		rest.remove(invalidTrait);
		return normal;
	}

	private static String take(Map<String, Object> traits, String current, String... names) {
		String value = current;
		for (String name : names) {
			Object incoming = traits.remove(name);
			if (incoming != null && !incoming.toString().isBlank()) {
				value = incoming.toString().trim();
			}
		}
		return value;
	}

}
