package dev.encore.engine.loyalty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventNames;
import dev.encore.engine.event.EventType;
import dev.encore.engine.journey.JourneyProperties;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.PlacedOrder;
import dev.encore.engine.profile.Refund;
import dev.encore.engine.profile.StorefrontOrders;

/**
 * What each event does to a customer's points, written to the {@link PointsLedger} in the
 * event's transaction: {@code Order Completed} earns ({@link PointsRules}), {@code Order
 * Refunded} takes back its share ({@link Refunds}), {@code Points Redeemed} spends or is
 * refused, {@code Points Expired} expires, {@code Membership Anniversary} and
 * {@code Birthday Reached} give. Each row is applied once per order or event
 * ({@code dedupeKey}); the balance never goes below zero.
 */
@Component
class Points {

	private static final Logger log = LoggerFactory.getLogger(Points.class);

	static final String POINTS_REDEEMED = "Points Redeemed";

	private final PointsLedger ledger;

	private final PointsRules rules;

	private final Refunds refunds;

	private final LoyaltyProperties properties;

	private final ZoneId shopZone;

	Points(PointsLedger ledger, PointsRules rules, Refunds refunds, LoyaltyProperties properties,
			JourneyProperties journeys) {
		this.ledger = ledger;
		this.rules = rules;
		this.refunds = refunds;
		this.properties = properties;
		this.shopZone = journeys.defaultTimeZone();
	}

	/**
	 * @param tier the customer's tier after the event
	 */
	void apply(CustomerProfile profile, String tier, CustomerEvent event) {
		if (event.type() != EventType.TRACK) {
			return;
		}
		switch (event.name()) {
			case "Order Completed" -> earn(profile, tier, event);
			case "Order Refunded" -> refund(event);
			case POINTS_REDEEMED -> redeem(event, Redemption.of(event));
			case EventNames.POINTS_EXPIRED -> expire(event);
			case EventNames.MEMBERSHIP_ANNIVERSARY -> give(event, "anniversary",
					"anniversary:" + event.properties().get("years"), this.properties.points().anniversaryBonus());
			case EventNames.BIRTHDAY_REACHED ->
				give(event, "birthday", "birthday:" + event.properties().get("localDate"),
						this.properties.perksOf(tier).birthdayGiftPoints());
			default -> {
			}
		}
	}

	private void earn(CustomerProfile profile, String tier, CustomerEvent event) {
		String orderId = orderId(event);
		PlacedOrder order = profile.orders().orders().get(orderId);
		String ref = OrderRef.of(orderId);
		List<PointsLedger.Entry> entries = this.ledger.forCustomer(event.customerId());
		if (order == null || applied(entries, "earn:" + ref)) {
			return;
		}
		long points = this.rules.pointsFor(order.total(), tier, LocalDate.ofInstant(order.at(), this.shopZone));
		if (points > 0) {
			entries = append(event, entries, new PointsLedger.Change(points, "earn", ref, event.messageId(),
					order.total(), order.at(), expiry(order.at()), "earn:" + ref, "tier " + tier));
			log.info("Customer={} earned {} points on order {}", event.customerId(), points, ref);
		}
		// A refund that came before its order takes back its share now.
		this.refunds.catchUp(event, ref, entries);
	}

	private void refund(CustomerEvent event) {
		String orderId = StorefrontOrders.orderId(event);
		if (orderId == null) {
			return;
		}
		Refund refund = StorefrontOrders.refund(event, orderId);
		this.refunds.takeBack(event, refund, this.ledger.forCustomer(event.customerId()));
	}

	private void redeem(CustomerEvent event, Redemption redemption) {
		List<PointsLedger.Entry> entries = this.ledger.forCustomer(event.customerId());
		String key = "redeem:" + event.messageId();
		if (applied(entries, key)) {
			return;
		}
		long balance = balance(entries);
		if (balance < redemption.points()) {
			String why = "balance " + balance + " is less than the " + redemption.points() + " points asked";
			append(event, entries, new PointsLedger.Change(0, "redeem_refused", OrderRef.of(redemption.orderId()),
					event.messageId(), null, event.timestamp(), null, key, why));
			log.info("Redemption {} of customer={} refused: {}", event.messageId(), event.customerId(), why);
			return;
		}
		append(event, entries, new PointsLedger.Change(-redemption.points(), "redeem",
				OrderRef.of(redemption.orderId()), event.messageId(), null, event.timestamp(), null, key, null));
	}

	private void expire(CustomerEvent event) {
		List<PointsLedger.Entry> entries = this.ledger.forCustomer(event.customerId());
		String key = "expire:" + event.messageId();
		long expired = PointLots.of(entries).expiredBy(event.timestamp());
		if (expired > 0 && !applied(entries, key)) {
			append(event, entries,
					new PointsLedger.Change(-expired, "expire", null, event.messageId(), null, event.timestamp(), null,
							key, "earned more than " + this.properties.points().expireAfter() + " ago"));
			log.info("Customer={}: {} points expired", event.customerId(), expired);
		}
	}

	private void give(CustomerEvent event, String reason, String key, long points) {
		List<PointsLedger.Entry> entries = this.ledger.forCustomer(event.customerId());
		if (points > 0 && !applied(entries, key)) {
			append(event, entries, new PointsLedger.Change(points, reason, null, event.messageId(), null,
					event.timestamp(), expiry(event.timestamp()), key, null));
		}
	}

	private List<PointsLedger.Entry> append(CustomerEvent event, List<PointsLedger.Entry> entries,
			PointsLedger.Change change) {
		return this.ledger.append(event.customerId(), entries, change);
	}

	private Instant expiry(Instant earnedAt) {
		return earnedAt.plus(this.properties.points().expireAfter());
	}

	/** As the profile keys the order: its order id, else the event id. */
	private static String orderId(CustomerEvent event) {
		String orderId = StorefrontOrders.orderId(event);
		return orderId == null ? event.messageId() : orderId;
	}

	static boolean applied(List<PointsLedger.Entry> entries, String dedupeKey) {
		return entries.stream().anyMatch((entry) -> entry.dedupeKey().equals(dedupeKey));
	}

	static long balance(List<PointsLedger.Entry> entries) {
		return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).balanceAfter();
	}

}
