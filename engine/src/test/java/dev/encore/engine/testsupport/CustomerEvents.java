package dev.encore.engine.testsupport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventType;

/**
 * Events as the {@code EventProcessor} applies them, for tests below the HTTP API:
 * {@code CustomerEvents.order("c-1", "o-1", "49.90").at(t).build()}.
 */
public final class CustomerEvents {

	private final String customerId;

	private final EventType type;

	private final String name;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	private final Map<String, Object> traits = new LinkedHashMap<>();

	private String messageId = UUID.randomUUID().toString();

	private Instant at = Instant.parse("2026-01-01T00:00:00Z");

	private CustomerEvents(String customerId, EventType type, String name) {
		this.customerId = customerId;
		this.type = type;
		this.name = name;
	}

	public static CustomerEvents track(String name, String customerId) {
		return new CustomerEvents(customerId, EventType.TRACK, name);
	}

	public static CustomerEvents identify(String customerId) {
		return new CustomerEvents(customerId, EventType.IDENTIFY, null);
	}

	public static CustomerEvents order(String customerId, String orderId, String total) {
		return track("Order Completed", customerId).with("order_id", orderId).with("total", total);
	}

	public static CustomerEvents refund(String customerId, String orderId) {
		return track("Order Refunded", customerId).with("order_id", orderId);
	}

	public CustomerEvents with(String property, Object value) {
		this.properties.put(property, value);
		return this;
	}

	public CustomerEvents withCategories(String... categories) {
		return with("products", List.of(categories).stream().map((category) -> Map.of("category", category)).toList());
	}

	public CustomerEvents trait(String trait, Object value) {
		this.traits.put(trait, value);
		return this;
	}

	public CustomerEvents at(Instant timestamp) {
		this.at = timestamp;
		return this;
	}

	public CustomerEvents at(String timestamp) {
		return at(Instant.parse(timestamp));
	}

	public CustomerEvents messageId(String id) {
		this.messageId = id;
		return this;
	}

	public CustomerEvent build() {
		return new CustomerEvent(this.messageId, this.type, this.name, this.customerId, this.at, this.properties,
				this.traits, "test");
	}

}
