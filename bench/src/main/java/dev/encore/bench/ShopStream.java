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
 * A shop's whole event stream from a seed, shaped by published funnel figures (see
 * bench/README.md): most sessions only browse (a site visit, product views, now and then
 * an email opened first); a quarter add to cart, a tenth start checkout, a few percent
 * buy. Returning customers carry history (identify and earlier orders), applied before
 * the stream is timed.
 */
final class ShopStream {

	/** Sessions of customers who bought before. */
	static final double RETURNING = 0.40;

	/** Sessions that reach the visit from an email (an open comes first). */
	static final double FROM_EMAIL = 0.30;

	/** Of all sessions: add to cart. */
	static final double ADD_TO_CART = 0.25;

	/** Of all sessions: checkout started (40% of carts). */
	static final double CHECKOUT = 0.10;

	/** Of all sessions: order completed (30% of checkouts: 70% abandon). */
	static final double PURCHASE = 0.03;

	/** Of new customers' sessions: they sign up (identify with an email). */
	static final double SIGN_UP = 0.30;

	private static final String[] CATEGORIES = { "tea", "coffee", "apparel", "home", "skincare", "stationery" };

	private final long seed;

	private final String prefix;

	ShopStream(long seed, String prefix) {
		this.seed = seed;
		this.prefix = prefix;
	}

	String customer(int index) {
		return this.prefix + index;
	}

	boolean returning(int index) {
		return random(index, 0).nextDouble() < RETURNING;
	}

	/**
	 * What the shop knew of a returning customer before the stream: identify and one to
	 * three earlier orders, weeks apart. Empty for a new customer.
	 */
	List<Map<String, Object>> history(int index, Instant now) {
		if (!returning(index)) {
			return List.of();
		}
		Random random = random(index, 1);
		List<Map<String, Object>> events = new ArrayList<>();
		events.add(identify(random, index, now.minus(Duration.ofDays(200))));
		int orders = 1 + random.nextInt(3);
		for (int i = orders; i > 0; i--) {
			long daysAgo = 10L * i + Math.round(-45 * Math.log(1 - random.nextDouble()));
			events.add(order(random, customer(index), now.minus(Duration.ofDays(daysAgo))));
		}
		return events;
	}

	/** The customer's session now, in order: what the storefront sends for it. */
	List<Map<String, Object>> session(int index, Instant now) {
		Random random = random(index, 2);
		String customer = customer(index);
		List<Map<String, Object>> events = new ArrayList<>();
		boolean known = returning(index) || random.nextDouble() < SIGN_UP;
		if (!returning(index) && known) {
			events.add(identify(random, index, now));
		}
		if (random.nextDouble() < FROM_EMAIL) {
			events.add(track(random, "Email Opened", customer, now, Map.of("campaign", "newsletter")));
		}
		events.add(track(random, "Site Visited", customer, now, Map.of("path", "/")));
		String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
		int views = 1 + (int) Math.round(-3 * Math.log(1 - random.nextDouble()));
		for (int i = 0; i < views; i++) {
			events.add(track(random, "Product Viewed", customer, now, viewed(random.nextInt(500), category)));
		}
		double funnel = random.nextDouble();
		if (funnel < ADD_TO_CART) {
			events
				.add(track(random, "Product Added", customer, now, Map.of("product_id", "p-1", "category", category)));
		}
		if (funnel < CHECKOUT) {
			if (!known) {
				// A guest checkout asks for the email: the storefront identifies the
				// buyer.
				events.add(identify(random, index, now));
			}
			events.add(track(random, "Checkout Started", customer, now, Map.of("currency", "USD", "products",
					List.of(Map.of("product_id", "p-1", "name", category, "quantity", 1, "price", basket(random))))));
		}
		if (funnel < PURCHASE) {
			events.add(order(random, customer, now));
		}
		return events;
	}

	/**
	 * A product as Segment's e-commerce spec describes a view of it (what a storefront
	 * sends, and what browse abandonment needs: its name).
	 */
	private static Map<String, Object> viewed(int product, String category) {
		return Map.of("product_id", "p-" + product, "name", category + " no. " + product, "category", category, "price",
				5 + product % 60, "currency", "USD", "url", "https://shop.example/p/" + product);
	}

	/**
	 * Sessions packed into batches of at most {@code limit} events, each session whole in
	 * one batch.
	 */
	static List<List<Map<String, Object>>> batches(List<List<Map<String, Object>>> sessions, int limit) {
		List<List<Map<String, Object>>> batches = new ArrayList<>();
		List<Map<String, Object>> current = new ArrayList<>();
		for (List<Map<String, Object>> session : sessions) {
			if (!current.isEmpty() && current.size() + session.size() > limit) {
				batches.add(current);
				current = new ArrayList<>();
			}
			current.addAll(session);
		}
		if (!current.isEmpty()) {
			batches.add(current);
		}
		return batches;
	}

	private Map<String, Object> identify(Random random, int index, Instant at) {
		Map<String, Object> traits = new LinkedHashMap<>();
		traits.put("email", customer(index) + "@example.org");
		traits.put("firstName", "Shopper" + index);
		traits.put("timezone", "Asia/Taipei");
		traits.put("consents", Map.of("email", "granted"));
		Map<String, Object> event = event(random, "identify", null, customer(index), at, Map.of());
		event.put("traits", traits);
		return event;
	}

	private Map<String, Object> order(Random random, String customer, Instant at) {
		return track(random, "Order Completed", customer, at,
				Map.of("order_id", "o-" + uuid(random), "total", basket(random), "currency", "USD"));
	}

	private Map<String, Object> track(Random random, String name, String customer, Instant at,
			Map<String, Object> properties) {
		return event(random, "track", name, customer, at, properties);
	}

	private Map<String, Object> event(Random random, String type, String name, String customer, Instant at,
			Map<String, Object> properties) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("messageId", uuid(random));
		event.put("type", type);
		if (name != null) {
			event.put("event", name);
		}
		event.put("userId", customer);
		event.put("timestamp", at.toString());
		event.put("properties", properties);
		return event;
	}

	/** Pareto order value (scale 25, shape 1.5), as {@link ShopLoad}'s. */
	private static double basket(Random random) {
		double value = 25 / Math.pow(1 - random.nextDouble(), 1 / 1.5);
		return Math.round(Math.min(value, 5000) * 100) / 100.0;
	}

	/**
	 * Each customer's draws depend only on the seed and their index: any order, any run.
	 */
	private Random random(int index, int stream) {
		return new Random(this.seed * 1_000_003L + index * 31L + stream);
	}

	private static String uuid(Random random) {
		return new UUID(random.nextLong(), random.nextLong()).toString();
	}

}
