package dev.encore.engine.loyalty;

import java.util.List;
import java.util.Map;

/**
 * Interest tags: what the customer likes and how they buy ({@code profile.interests}).
 *
 * @param topCategories up to three, most interested first: each product ordered (in an
 * order that still counts) counts three, each product view one
 * @param pricePositions per category the customer bought in, where the prices they paid
 * sit in the shop's range for it: 0 the cheapest seen, 1 the dearest
 * @param priceSensitivity 1 less the mean position of every product bought (0..1; null
 * before a first order with categories and prices)
 * @param priceSensitivityLabel {@code high} from 0.67, {@code medium} from 0.34, else
 * {@code low}
 * @param promotionResponsiveness share of counted orders with a discount or coupon (0..1;
 * null before a first order)
 * @param promotionResponsivenessLabel {@code high} from 0.5, {@code medium} from 0.2,
 * else {@code low}
 */
public record Interests(List<String> topCategories, Map<String, Double> pricePositions, Double priceSensitivity,
		String priceSensitivityLabel, Double promotionResponsiveness, String promotionResponsivenessLabel) {
}
