package dev.encore.engine.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;

/**
 * A profile with everything derived from it as of now: what support reads from {@code GET
 * /api/v1/customers/{id}} and journeys read as {@code profile} (e.g.
 * {@code ${profile.lifecycleStage == 'first-time'}}, {@code ${profile.rfm.segment}}).
 *
 * @param daysSinceLastOrder null without a counted order; with {@code orderCount} and
 * {@code netRevenue} the inputs of the {@code RfmSegment} decision
 * @param lapsed the customer's purchase gap is past the churn alarm level
 * @param churnRisk the churn signals showing now
 * @param sunset marketing gave up on the customer ({@code sunsetSince}, by a win-back
 * journey) and sends them no more marketing until they order again
 * @param extensions each {@link ProfileExtension}'s section by its name, shown as a field
 * of its own ({@code loyalty}, {@code interests})
 */
public record CustomerView(String customerId, String email, String phone, String firstName, String lastName,
		String locale, String timeZone, String lineUserId, Birthday birthday, Map<String, Object> traits,
		Map<String, Object> cart, Map<String, Consent> consents, OrderStats orders, Engagement engagement,
		String lifecycleStage, boolean lapsed, Instant advocateSince, boolean sunset, Instant sunsetSince, Rfm rfm,
		ChurnRisk churnRisk, Long daysSinceLastOrder, int orderCount, BigDecimal netRevenue,
		@JsonAnyGetter Map<String, Object> extensions) {

}
