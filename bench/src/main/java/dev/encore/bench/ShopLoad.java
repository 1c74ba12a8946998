package dev.encore.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Storefront traffic generated from a seed, the same on every run: customers in the time
 * zones of an Asia-Pacific and US shop, each a session of product views, an add to cart
 * and a checkout; about 70% abandon the cart, the others buy (order values Pareto
 * distributed: many small baskets, a few large ones); 40% have bought before, some weeks
 * ago (exponential repeat intervals, mean 45 days), so profiles carry history.
 */
final class ShopLoad {

	/** Share of checkouts that end without an order, as in e-commerce at large. */
	static final double ABANDONMENT = 0.70;

	private static final String[] ZONES = { "Asia/Taipei", "Asia/Taipei", "Asia/Taipei", "Asia/Tokyo",
			"America/New_York", "America/New_York", "America/Los_Angeles", "Europe/London", "Australia/Sydney",
			"Pacific/Auckland" };

	private static final String[] PRODUCTS = { "Oolong tea", "Linen shirt", "Wool socks", "Ceramic mug", "Coffee beans",
			"Face cream", "Running cap", "Notebook" };

	private final Random random;

	private final String prefix;

	ShopLoad(long seed, String prefix) {
		this.random = new Random(seed);
		this.prefix = prefix;
	}

	/** One customer's session, in order: what a storefront sends for them. */
	List<Map<String, Object>> session(int index, Instant now) {
		String customer = this.prefix + index;
		List<Map<String, Object>> events = new ArrayList<>();
		Map<String, Object> traits = new LinkedHashMap<>();
		traits.put("email", customer + "@example.org");
		traits.put("firstName", "Shopper" + index);
		traits.put("timezone", ZONES[this.random.nextInt(ZONES.length)]);
		traits.put("consents", Map.of("email", "granted"));
		events.add(event("identify", null, customer, now, Map.of(), traits));
		if (this.random.nextDouble() < 0.4) {
			long daysAgo = Math.max(1, Math.round(-45 * Math.log(1 - this.random.nextDouble())));
			events.add(order(customer, now.minus(Duration.ofDays(daysAgo))));
		}
		int views = 1 + (int) Math.round(-3 * Math.log(1 - this.random.nextDouble()));
		String product = PRODUCTS[this.random.nextInt(PRODUCTS.length)];
		for (int i = 0; i < views; i++) {
			events.add(event("track", "Product Viewed", customer, now,
					Map.of("product_id", "p-" + this.random.nextInt(200), "name", product), null));
		}
		events.add(event("track", "Product Added", customer, now, Map.of("product_id", "p-1", "name", product), null));
		events.add(event("track", "Checkout Started", customer, now,
				Map.of("currency", "USD", "products",
						List.of(Map.of("product_id", "p-1", "name", product, "quantity", 1, "price", basket()))),
				null));
		if (this.random.nextDouble() >= ABANDONMENT) {
			events.add(order(customer, now));
		}
		return events;
	}

	Map<String, Object> order(String customer, Instant at) {
		return event("track", "Order Completed", customer, at,
				Map.of("order_id", "o-" + uuid(), "total", basket(), "currency", "USD"), null);
	}

	/** Pareto order value (scale 25, shape 1.5): median about 40, a long tail. */
	private double basket() {
		double value = 25 / Math.pow(1 - this.random.nextDouble(), 1 / 1.5);
		return Math.round(Math.min(value, 5000) * 100) / 100.0;
	}

	private Map<String, Object> event(String type, String name, String customer, Instant at,
			Map<String, Object> properties, Map<String, Object> traits) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("messageId", uuid());
		event.put("type", type);
		if (name != null) {
			event.put("event", name);
		}
		event.put("userId", customer);
		event.put("timestamp", at.toString());
		event.put("properties", properties);
		if (traits != null) {
			event.put("traits", traits);
		}
		return event;
	}

	private String uuid() {
		return new UUID(this.random.nextLong(), this.random.nextLong()).toString();
	}

}
