package dev.encore.engine.profile;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What Encore knows of one customer. Identity fields are typed because guardrails and
 * connectors rely on them; everything else a storefront sends stays in {@code traits}.
 *
 * @param cart the latest cart or checkout (Segment's {@code Checkout Started} properties:
 * products, value, currency...), empty once the customer has ordered
 */
public record CustomerProfile(String customerId, String email, String phone, String firstName, String lastName,
		String locale, String timeZone, Map<String, Object> traits, Map<String, Object> cart) {

	public CustomerProfile {
		Objects.requireNonNull(customerId, "customerId");
		traits = traits == null ? Map.of() : Map.copyOf(traits);
		cart = cart == null ? Map.of() : Map.copyOf(cart);
	}

	public static CustomerProfile empty(String customerId) {
		return new CustomerProfile(customerId, null, null, null, null, null, null, Map.of(), Map.of());
	}

	/**
	 * Merges identify traits: known ones (Segment's reserved trait names, camelCase or
	 * snake_case) into the typed fields, the rest into {@code traits}.
	 */
	public CustomerProfile withTraits(Map<String, Object> incoming) {
		Map<String, Object> rest = new HashMap<>(this.traits);
		rest.putAll(incoming);
		String first = take(rest, this.firstName, "firstName", "first_name");
		String last = take(rest, this.lastName, "lastName", "last_name");
		Object name = rest.get("name");
		if (first == null && name instanceof String full && !full.isBlank()) {
			int space = full.indexOf(' ');
			first = space < 0 ? full : full.substring(0, space);
			last = space < 0 ? last : full.substring(space + 1);
		}
		return new CustomerProfile(this.customerId, take(rest, this.email, "email"), take(rest, this.phone, "phone"),
				first, last, take(rest, this.locale, "locale"), take(rest, this.timeZone, "timeZone", "timezone"), rest,
				this.cart);
	}

	public CustomerProfile withCart(Map<String, Object> newCart) {
		return new CustomerProfile(this.customerId, this.email, this.phone, this.firstName, this.lastName, this.locale,
				this.timeZone, this.traits, newCart);
	}

	/**
	 * The profile as templates see it: {@code customer.firstName},
	 * {@code customer.cart}...
	 */
	public Map<String, Object> toTemplateData() {
		Map<String, Object> data = new LinkedHashMap<>(this.traits);
		data.put("id", this.customerId);
		putIfSet(data, "email", this.email);
		putIfSet(data, "phone", this.phone);
		putIfSet(data, "firstName", this.firstName);
		putIfSet(data, "lastName", this.lastName);
		putIfSet(data, "locale", this.locale);
		putIfSet(data, "timeZone", this.timeZone);
		data.put("cart", this.cart);
		return data;
	}

	private static String take(Map<String, Object> traits, String current, String... names) {
		String value = current;
		for (String name : names) {
			Object incoming = traits.remove(name);
			if (incoming != null && !incoming.toString().isBlank()) {
				value = incoming.toString();
			}
		}
		return value;
	}

	private static void putIfSet(Map<String, Object> data, String key, String value) {
		if (value != null) {
			data.put(key, value);
		}
	}

}
