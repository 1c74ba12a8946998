package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventType;
import dev.encore.engine.event.EventValues;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.OrderStats;
import dev.encore.engine.profile.PlacedOrder;
import dev.encore.engine.profile.ProfileExtension;
import dev.encore.engine.profile.ProfileProperties;
import dev.encore.engine.profile.StorefrontOrders;

/**
 * Interest tags ({@code profile.interests}, {@link Interests}) from what the customer
 * views and buys: {@code Product Viewed} ({@code category}, {@code price}) and
 * {@code Order Completed} ({@code products[].category}, {@code price}). Every price seen
 * also widens the shop's range for its category ({@link CategoryPrices}).
 */
@Component
@Order(2)
class InterestsExtension implements ProfileExtension {

	static final String NAME = "interests";

	/** Longer category names are cut: they are labels, not content. */
	private static final int MAX_CATEGORY_LENGTH = 100;

	/** Products per order kept for prices; a cap on what one event can add. */
	private static final int MAX_PRODUCTS = 50;

	/** What a product ordered weighs against one view in the top categories. */
	private static final int ORDERED_WEIGHT = 3;

	/** Prices Encore can hold ({@code NUMERIC(19,4)}, as intake checks order amounts). */
	private static final BigDecimal MAX_PRICE = new BigDecimal("1e15");

	private final CategoryPrices prices;

	private final ProfileProperties profiles;

	private final ObjectMapper json;

	InterestsExtension(CategoryPrices prices, ProfileProperties profiles, ObjectMapper json) {
		this.prices = prices;
		this.profiles = profiles;
		this.json = json;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Applied apply(CustomerProfile profile, CustomerEvent event) {
		if (event.type() != EventType.TRACK) {
			return Applied.unchanged(profile);
		}
		InterestState state = state(profile);
		InterestState next = switch (event.name()) {
			case "Product Viewed" -> viewed(state, event.properties());
			case "Order Completed" -> ordered(state, event);
			default -> state;
		};
		return next.equals(state) ? Applied.unchanged(profile)
				: Applied.unchanged(profile.withExtension(NAME, write(next)));
	}

	private InterestState viewed(InterestState state, Map<String, Object> product) {
		String category = category(product.get("category"));
		if (category == null) {
			return state;
		}
		CategoryPrices.Price price = price(category, product.get("price"));
		if (price != null) {
			this.prices.observe(List.of(price));
		}
		return state.viewed(category);
	}

	private InterestState ordered(InterestState state, CustomerEvent event) {
		List<CategoryPrices.Price> bought = new ArrayList<>();
		if (event.properties().get("products") instanceof List<?> products) {
			for (Object product : products) {
				if (bought.size() < MAX_PRODUCTS && product instanceof Map<?, ?> item) {
					String category = category(item.get("category"));
					CategoryPrices.Price price = category == null ? null : price(category, item.get("price"));
					if (price != null) {
						bought.add(price);
					}
				}
			}
		}
		if (bought.isEmpty()) {
			return state;
		}
		this.prices.observe(bought);
		String orderId = StorefrontOrders.orderId(event);
		return state.ordered(orderId == null ? event.messageId() : orderId, bought);
	}

	@Override
	public Object view(CustomerProfile profile, Instant now) {
		InterestState state = state(profile);
		Map<String, PlacedOrder> counted = profile.orders().countedOrders();
		OrderStats stats = profile.orders().stats(this.profiles.priceBands());
		List<CategoryPrices.Price> bought = new ArrayList<>();
		state.ordered().forEach((orderId, products) -> {
			if (counted.containsKey(orderId)) {
				bought.addAll(products);
			}
		});
		Map<String, Double> positions = positions(bought);
		Double sensitivity = positions.isEmpty() ? null : round(1 - mean(bought, positions));
		Double promotions = stats.orderCount() == 0 ? null : round(stats.discountedShare());
		Map<String, Double> shown = new TreeMap<>();
		positions.forEach((category, position) -> shown.put(category, round(position)));
		return new Interests(topCategories(counted.values(), state.viewed()), shown, sensitivity,
				label(sensitivity, 0.67, 0.34), promotions, label(promotions, 0.5, 0.2));
	}

	/** A product ordered counts as three views; ties go alphabetically. */
	private static List<String> topCategories(Iterable<PlacedOrder> orders, Map<String, Integer> viewed) {
		Map<String, Integer> scores = new TreeMap<>(viewed);
		orders.forEach((order) -> order.categories()
			.stream()
			.map(InterestsExtension::category)
			.filter(java.util.Objects::nonNull)
			.forEach((category) -> scores.merge(category, ORDERED_WEIGHT, Integer::sum)));
		return scores.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(3)
			.map(Map.Entry::getKey)
			.toList();
	}

	/** Per category, the mean position of the prices paid in the shop's range. */
	private Map<String, Double> positions(List<CategoryPrices.Price> bought) {
		Set<String> categories = new HashSet<>();
		bought.forEach((price) -> categories.add(price.category()));
		Map<String, CategoryPrices.Range> ranges = this.prices.ranges(categories);
		Map<String, double[]> sums = new TreeMap<>();
		for (CategoryPrices.Price price : bought) {
			CategoryPrices.Range range = ranges.get(price.category());
			if (range != null) {
				double[] sum = sums.computeIfAbsent(price.category(), (category) -> new double[2]);
				sum[0] += range.position(price.price());
				sum[1]++;
			}
		}
		Map<String, Double> positions = new TreeMap<>();
		sums.forEach((category, sum) -> positions.put(category, sum[0] / sum[1]));
		return positions;
	}

	/** The mean over every product bought, so a category bought often weighs more. */
	private static double mean(List<CategoryPrices.Price> bought, Map<String, Double> positions) {
		return bought.stream()
			.filter((price) -> positions.containsKey(price.category()))
			.mapToDouble((price) -> positions.get(price.category()))
			.average()
			.orElse(0.5);
	}

	private static String label(Double value, double high, double medium) {
		if (value == null) {
			return null;
		}
		return value >= high ? "high" : value >= medium ? "medium" : "low";
	}

	private static double round(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

	private static String category(Object value) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		String category = value.toString().strip();
		return category.length() > MAX_CATEGORY_LENGTH ? category.substring(0, MAX_CATEGORY_LENGTH) : category;
	}

	private static CategoryPrices.Price price(String category, Object value) {
		BigDecimal price = EventValues.decimal(value);
		return price == null || price.signum() <= 0 || price.compareTo(MAX_PRICE) >= 0 ? null
				: new CategoryPrices.Price(category, price.stripTrailingZeros());
	}

	private InterestState state(CustomerProfile profile) {
		String state = profile.extension(NAME);
		try {
			return state == null ? InterestState.NONE : this.json.readValue(state, InterestState.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable interests of customer " + profile.customerId(), ex);
		}
	}

	private String write(InterestState state) {
		try {
			return this.json.writeValueAsString(state);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Interests are not JSON-serializable", ex);
		}
	}

}
