package dev.encore.engine.profile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What Encore knows of one customer. Identity fields are typed because guardrails and
 * connectors rely on them; everything else a storefront sends stays in {@code traits}.
 *
 * @param phone E.164 ({@code +886912345678}); an unusable number is never stored here
 * @param timeZone a valid IANA zone id
 * @param cart the latest cart or checkout (Segment's {@code Checkout Started} properties:
 * products, value, currency...), empty once the customer has ordered
 * @param consents per channel id ({@code email}, {@code sms}, {@code line})
 * @param orders every order and refund, from which the aggregates are computed
 * @param extensions what features keep in the profile, by
 * {@link ProfileExtension#name()}, each as the JSON text only its feature reads
 * (loyalty's tier, interest observations)
 */
public record CustomerProfile(String customerId, String email, String phone, String firstName, String lastName,
		String locale, String timeZone, Map<String, Object> traits, Map<String, Object> cart, String lineUserId,
		Birthday birthday, Map<String, Consent> consents, OrderHistory orders, Engagement engagement,
		LifecycleState lifecycle, Map<String, String> extensions) {

	public CustomerProfile {
		Objects.requireNonNull(customerId, "customerId");
		traits = withoutNulls(traits);
		cart = withoutNulls(cart);
		consents = consents == null ? Map.of() : Map.copyOf(consents);
		orders = orders == null ? OrderHistory.NONE : orders;
		engagement = engagement == null ? Engagement.NONE : engagement;
		lifecycle = lifecycle == null ? LifecycleState.NEW : lifecycle;
		extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
	}

	/** Without extensions' state, as profiles were before features kept any. */
	public CustomerProfile(String customerId, String email, String phone, String firstName, String lastName,
			String locale, String timeZone, Map<String, Object> traits, Map<String, Object> cart, String lineUserId,
			Birthday birthday, Map<String, Consent> consents, OrderHistory orders, Engagement engagement,
			LifecycleState lifecycle) {
		this(customerId, email, phone, firstName, lastName, locale, timeZone, traits, cart, lineUserId, birthday,
				consents, orders, engagement, lifecycle, null);
	}

	/** Identity and cart only, as the walking skeleton had it. */
	public CustomerProfile(String customerId, String email, String phone, String firstName, String lastName,
			String locale, String timeZone, Map<String, Object> traits, Map<String, Object> cart) {
		this(customerId, email, phone, firstName, lastName, locale, timeZone, traits, cart, null, null, null, null,
				null, null);
	}

	public static CustomerProfile empty(String customerId) {
		return new CustomerProfile(customerId, null, null, null, null, null, null, Map.of(), Map.of());
	}

	/**
	 * Merges identify traits: known ones (Segment's reserved trait names, camelCase or
	 * snake_case) into the typed fields, the rest into {@code traits}. Values that cannot
	 * be used (a phone not in E.164, an unknown time zone) are kept as
	 * {@code invalid<Field>} traits for support instead.
	 */
	public CustomerProfile withTraits(Map<String, Object> incoming) {
		return withTraits(incoming, Instant.EPOCH, null);
	}

	/**
	 * As {@link #withTraits(Map)}, for traits sent at a known time from a known source:
	 * consents that do not say when or where they were given take these.
	 */
	public CustomerProfile withTraits(Map<String, Object> incoming, Instant reportedAt, String source) {
		return IdentityTraits.merge(this, incoming, reportedAt, source);
	}

	public CustomerProfile withCart(Map<String, Object> newCart) {
		return new CustomerProfile(this.customerId, this.email, this.phone, this.firstName, this.lastName, this.locale,
				this.timeZone, this.traits, newCart, this.lineUserId, this.birthday, this.consents, this.orders,
				this.engagement, this.lifecycle, this.extensions);
	}

	public CustomerProfile withOrders(OrderHistory newOrders) {
		return new CustomerProfile(this.customerId, this.email, this.phone, this.firstName, this.lastName, this.locale,
				this.timeZone, this.traits, this.cart, this.lineUserId, this.birthday, this.consents, newOrders,
				this.engagement, this.lifecycle, this.extensions);
	}

	public CustomerProfile withEngagement(Engagement newEngagement) {
		return new CustomerProfile(this.customerId, this.email, this.phone, this.firstName, this.lastName, this.locale,
				this.timeZone, this.traits, this.cart, this.lineUserId, this.birthday, this.consents, this.orders,
				newEngagement, this.lifecycle, this.extensions);
	}

	public CustomerProfile withLifecycle(LifecycleState newLifecycle) {
		return new CustomerProfile(this.customerId, this.email, this.phone, this.firstName, this.lastName, this.locale,
				this.timeZone, this.traits, this.cart, this.lineUserId, this.birthday, this.consents, this.orders,
				this.engagement, newLifecycle, this.extensions);
	}

	/**
	 * The profile with a feature's state replaced ({@code null} removes it): the JSON
	 * text its {@link ProfileExtension} reads back with {@link #extension}.
	 */
	public CustomerProfile withExtension(String name, String state) {
		Map<String, String> next = new java.util.HashMap<>(this.extensions);
		if (state == null) {
			next.remove(name);
		}
		else {
			next.put(name, state);
		}
		return new CustomerProfile(this.customerId, this.email, this.phone, this.firstName, this.lastName, this.locale,
				this.timeZone, this.traits, this.cart, this.lineUserId, this.birthday, this.consents, this.orders,
				this.engagement, this.lifecycle, next);
	}

	/** A feature's state as it saved it, null when it kept none for this customer. */
	public String extension(String name) {
		return this.extensions.get(name);
	}

	/** Whether marketing has given up on the customer (until their next order). */
	public boolean sunset() {
		return this.lifecycle.sunsetSince() != null;
	}

	/** The consent last reported for a channel id, null when never reported. */
	public Consent consent(String channel) {
		return this.consents.get(channel);
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
		putIfSet(data, "lineUserId", this.lineUserId);
		putIfSet(data, "birthday", this.birthday == null ? null : this.birthday.toString());
		data.put("cart", this.cart);
		return data;
	}

	private static void putIfSet(Map<String, Object> data, String key, String value) {
		if (value != null) {
			data.put(key, value);
		}
	}

	/**
	 * Storefronts send {@code null} for an unknown value: absent, as far as we keep it.
	 */
	private static Map<String, Object> withoutNulls(Map<String, Object> values) {
		if (values == null) {
			return Map.of();
		}
		Map<String, Object> present = new java.util.HashMap<>(values);
		present.values().removeIf(Objects::isNull);
		return Map.copyOf(present);
	}

}
