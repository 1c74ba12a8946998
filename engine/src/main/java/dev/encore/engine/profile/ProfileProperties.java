package dev.encore.engine.profile;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.annotation.Validated;

/**
 * How profiles are derived ({@code encore.profile.*}); each default is written here once,
 * as a {@code @DefaultValue}. RFM thresholds are not here: they live in
 * {@code journeys/rfm-segment.dmn} where marketers edit them.
 *
 * @param lifecycle when a customer counts as loyal
 * @param churn the daily churn scan and its signals
 * @param priceBands average order value (net) from which a customer is in the mid / high
 * price band
 * @param rfm weekly recalibration of the RFM thresholds
 */
@Validated
@ConfigurationProperties("encore.profile")
public record ProfileProperties(@Valid @DefaultValue Lifecycle lifecycle, @Valid @DefaultValue Churn churn,
		@Valid @DefaultValue PriceBands priceBands, @Valid @DefaultValue Rfm rfm) {

	/**
	 * Bound from nothing, so every {@code @DefaultValue} applies: for code outside Spring
	 * (tests, benchmarks).
	 */
	public static ProfileProperties defaults() {
		return new Binder(new MapConfigurationPropertySource()).bindOrCreate("encore.profile",
				Bindable.of(ProfileProperties.class));
	}

	/**
	 * @param loyalOrders counted orders (refunded-in-full ones do not count) that make a
	 * customer loyal
	 * @param loyalRevenue net revenue that makes a customer loyal whatever the order
	 * count ("high value")
	 */
	public record Lifecycle(@DefaultValue("3") @Min(2) int loyalOrders,
			@DefaultValue("500") @DecimalMin("0") BigDecimal loyalRevenue) {
	}

	/**
	 * @param scheduled whether this node looks for a due scan every {@code checkEvery};
	 * the scan itself runs once a day across all nodes
	 * @param checkEvery how often a node asks whether today's scan is due
	 * @param intervalFactor purchase-interval signal: time since the last order exceeds
	 * this many times the customer's own average interval
	 * @param firstOrderInterval the expected interval for a customer with one order (the
	 * signal fires after {@code intervalFactor} times this)
	 * @param engagementSilence engagement-drop signal: no open, click or visit for this
	 * long
	 * @param refundRate refund-rate signal: this share of orders refunded, from
	 * {@code refundMinOrders} orders on
	 */
	public record Churn(@DefaultValue("true") boolean scheduled, @DefaultValue("PT1H") Duration checkEvery,
			@DefaultValue("2.0") @DecimalMin("1.0") double intervalFactor,
			@DefaultValue("P60D") Duration firstOrderInterval, @DefaultValue("P30D") Duration engagementSilence,
			@DefaultValue("0.3") double refundRate, @DefaultValue("2") @Min(1) int refundMinOrders) {
	}

	/**
	 * @param recalibrate whether quintile thresholds computed from the customer base
	 * replace those of {@code rfm-segment.dmn} once a week (on one node, as a new
	 * deployed version; the file is not changed)
	 * @param minCustomers customers with orders needed before recalibrating
	 */
	public record Rfm(@DefaultValue("false") boolean recalibrate, @DefaultValue("100") @Min(5) int minCustomers) {
	}

	/**
	 * @param mid average order value (net) from which a customer is in the mid band
	 * @param high average order value (net) from which a customer is in the high band
	 */
	public record PriceBands(@DefaultValue("50") BigDecimal mid, @DefaultValue("200") BigDecimal high) {
	}

}
