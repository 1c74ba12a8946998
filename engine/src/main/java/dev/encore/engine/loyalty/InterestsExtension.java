package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventType;
import dev.encore.engine.event.EventValues;
import dev.encore.engine.profile.ExtensionState;
import dev.encore.engine.profile.CustomerProfile;
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

	/** Products per order kept for prices; a cap on what one event can add. */
	private static final int MAX_PRODUCTS = 50;

	/** Prices Encore can hold ({@code NUMERIC(19,4)}, as intake checks order amounts). */
	private static final BigDecimal MAX_PRICE = new BigDecimal("1e15");

	private final CategoryPrices prices;

	private final InterestTags tags;

	private final ProfileProperties profiles;

	private final ExtensionState<InterestState> state;

	InterestsExtension(CategoryPrices prices, ProfileProperties profiles, ObjectMapper json) {
		this.prices = prices;
		this.tags = new InterestTags(prices);
		this.profiles = profiles;
		this.state = new ExtensionState<>(json, NAME, InterestState.class, InterestState.NONE);
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
		InterestState state = this.state.of(profile);
		InterestState next = switch (event.name()) {
			case "Product Viewed" -> viewed(state, event.properties());
			case "Order Completed" -> ordered(state, event);
			default -> state;
		};
		return next.equals(state) ? Applied.unchanged(profile) : Applied.unchanged(this.state.put(profile, next));
	}

	private InterestState viewed(InterestState state, Map<String, Object> product) {
		String category = InterestState.category(product.get("category"));
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
					String category = InterestState.category(item.get("category"));
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
		return this.tags.of(this.state.of(profile), profile.orders().countedOrders(),
				profile.orders().stats(this.profiles.priceBands()));
	}

	private static CategoryPrices.Price price(String category, Object value) {
		BigDecimal price = EventValues.decimal(value);
		return price == null || price.signum() <= 0 || price.compareTo(MAX_PRICE) >= 0 ? null
				: new CategoryPrices.Price(category, price.stripTrailingZeros());
	}

}
