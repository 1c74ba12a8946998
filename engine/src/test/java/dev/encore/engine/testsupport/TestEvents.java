package dev.encore.engine.testsupport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Storefront events as the HTTP API takes them, with defaults: {@code
 * TestEvents.checkoutStarted("c-1").withProduct("Linen shirt", 1, 49.0).json()}.
 */
public final class TestEvents {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Map<String, Object> body = new LinkedHashMap<>();

	private TestEvents(String type, String event, String customerId) {
		this.body.put("messageId", UUID.randomUUID().toString());
		this.body.put("type", type);
		if (event != null) {
			this.body.put("event", event);
		}
		this.body.put("userId", customerId);
	}

	public static TestEvents track(String event, String customerId) {
		return new TestEvents("track", event, customerId);
	}

	public static TestEvents identify(String customerId, String email, String firstName) {
		TestEvents identify = new TestEvents("identify", null, customerId);
		identify.body.put("traits", Map.of("email", email, "firstName", firstName));
		return identify;
	}

	public static TestEvents checkoutStarted(String customerId) {
		TestEvents checkout = track("Checkout Started", customerId);
		checkout.properties().put("currency", "USD");
		checkout.properties().put("products", new java.util.ArrayList<Map<String, Object>>());
		return checkout;
	}

	public static TestEvents orderCompleted(String customerId) {
		return track("Order Completed", customerId).with("order_id", "o-" + UUID.randomUUID()).with("total", 99.0);
	}

	@SuppressWarnings("unchecked")
	public TestEvents withProduct(String name, int quantity, double price) {
		((List<Map<String, Object>>) properties().get("products"))
			.add(Map.of("product_id", "p-" + name.hashCode(), "name", name, "quantity", quantity, "price", price));
		return this;
	}

	public TestEvents with(String property, Object value) {
		properties().put(property, value);
		return this;
	}

	/** An identify trait, e.g. {@code withTrait("timezone", "Asia/Taipei")}. */
	@SuppressWarnings("unchecked")
	public TestEvents withTrait(String trait, Object value) {
		Map<String, Object> traits = new LinkedHashMap<>(
				(Map<String, Object>) this.body.getOrDefault("traits", Map.of()));
		traits.put(trait, value);
		this.body.put("traits", traits);
		return this;
	}

	/**
	 * Segment's {@code context}, e.g. {@code withContext("campaign", Map.of("source",
	 * "newsletter"))}.
	 */
	@SuppressWarnings("unchecked")
	public TestEvents withContext(String field, Object value) {
		((Map<String, Object>) this.body.computeIfAbsent("context", (key) -> new LinkedHashMap<>())).put(field, value);
		return this;
	}

	public TestEvents messageId(String messageId) {
		this.body.put("messageId", messageId);
		return this;
	}

	public TestEvents at(Instant timestamp) {
		this.body.put("timestamp", timestamp.toString());
		return this;
	}

	public TestEvents without(String field) {
		this.body.remove(field);
		return this;
	}

	public String customerId() {
		return (String) this.body.get("userId");
	}

	public String messageId() {
		return (String) this.body.get("messageId");
	}

	public String json() {
		try {
			return JSON.writeValueAsString(this.body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> properties() {
		return (Map<String, Object>) this.body.computeIfAbsent("properties", (key) -> new LinkedHashMap<>());
	}

}
