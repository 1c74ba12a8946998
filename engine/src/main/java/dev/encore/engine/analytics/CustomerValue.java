package dev.encore.engine.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customer lifetime value: what buyers have spent so far (historical, net of refunds) and
 * what they are expected to spend over the horizon (predicted): BG/NBD's expected
 * purchases times Gamma-Gamma's expected order value, both fitted to the period's own
 * orders (decision 026). Not discounted.
 *
 * @param predicted mean over buyers; absent (with a {@code note}) when the period has too
 * few buyers to fit the model
 */
record CustomerValue(BigDecimal historical, BigDecimal predicted, long horizonDays, Model model, String note) {

	private static final double DAYS_PER_WEEK = 7;

	static CustomerValue of(List<ShopOrder> all, Instant end, BigDecimal historical,
			LoyaltyFiguresProperties properties) {
		Map<String, List<ShopOrder>> byBuyer = PurchaseFigures.countedByBuyer(all);
		long horizon = properties.clvHorizon().toDays();
		List<GammaGamma.Spend> repeatSpends = new ArrayList<>();
		Map<String, GammaGamma.Spend> spends = new HashMap<>();
		byBuyer.forEach((customer, placed) -> spend(placed, properties.currency()).ifPresent((spend) -> {
			spends.put(customer, spend);
			if (spend.orders() >= 2) {
				repeatSpends.add(spend);
			}
		}));
		List<BgNbd.History> histories = histories(byBuyer, end);
		long repeatBuyers = histories.stream()
			.filter((history) -> history.x() > 0)
			.mapToLong(BgNbd.History::customers)
			.sum();
		if (byBuyer.size() < properties.minimumBuyers() || repeatBuyers < 2 || repeatSpends.size() < 2) {
			return new CustomerValue(historical, null, horizon, null, "not enough data: the model needs "
					+ properties.minimumBuyers() + " buyers, two of them buying again");
		}
		BgNbd purchases = BgNbd.fit(histories);
		GammaGamma spend = GammaGamma.fit(repeatSpends);
		if (spend.q() <= 1) {
			// Spend so uneven that the population's mean order value is unbounded.
			return new CustomerValue(historical, null, horizon, null, "the spend model found no finite mean");
		}
		double weeks = horizon / DAYS_PER_WEEK;
		double total = 0;
		for (Map.Entry<String, List<ShopOrder>> buyer : byBuyer.entrySet()) {
			BgNbd.History history = history(buyer.getValue(), end, 1);
			GammaGamma.Spend own = spends.get(buyer.getKey());
			double value = own == null ? spend.populationMean() : spend.expectedSpend(own.orders(), own.mean());
			total += purchases.expectedPurchases(weeks, history.x(), history.tx(), history.t()) * value;
		}
		if (!Double.isFinite(total)) {
			// a = 1 exactly, or a fit that ran off: the expectation has no value to show.
			return new CustomerValue(historical, null, horizon, null, "the purchase model found no finite value");
		}
		BigDecimal predicted = BigDecimal.valueOf(total / byBuyer.size()).setScale(2, RoundingMode.HALF_UP);
		return new CustomerValue(historical, predicted, horizon, new Model(purchases.r(), purchases.alpha(),
				purchases.a(), purchases.b(), spend.p(), spend.q(), spend.gamma(), byBuyer.size(), repeatSpends.size()),
				null);
	}

	/**
	 * Buyers grouped by their history in whole days: the fit's cost grows with the
	 * groups.
	 */
	static List<BgNbd.History> histories(Map<String, List<ShopOrder>> byBuyer, Instant end) {
		Map<List<Double>, Long> groups = new HashMap<>();
		byBuyer.values().forEach((placed) -> {
			BgNbd.History history = history(placed, end, 1);
			groups.merge(List.of(history.x(), history.tx(), history.t()), 1L, Long::sum);
		});
		List<BgNbd.History> histories = new ArrayList<>();
		groups.forEach((key, count) -> histories.add(new BgNbd.History(key.get(0), key.get(1), key.get(2), count)));
		return histories;
	}

	/**
	 * Repeat purchases are purchase days after the first (UTC), as the model counts them.
	 */
	private static BgNbd.History history(List<ShopOrder> placed, Instant end, long customers) {
		List<LocalDate> days = placed.stream()
			.map((order) -> LocalDate.ofInstant(order.placedAt(), ZoneOffset.UTC))
			.distinct()
			.sorted()
			.toList();
		LocalDate first = days.get(0);
		double tx = ChronoUnit.DAYS.between(first, days.get(days.size() - 1)) / DAYS_PER_WEEK;
		double t = Duration.between(first.atStartOfDay(ZoneOffset.UTC).toInstant(), end).toDays() / DAYS_PER_WEEK;
		return new BgNbd.History(days.size() - 1, tx, t, customers);
	}

	/** The buyer's orders in the shop's currency: how many, and their mean total. */
	private static Optional<GammaGamma.Spend> spend(List<ShopOrder> placed, String currency) {
		List<ShopOrder> paid = placed.stream()
			.filter((order) -> order.inCurrency(currency) && order.total().signum() > 0)
			.toList();
		if (paid.isEmpty()) {
			return Optional.empty();
		}
		double sum = paid.stream().mapToDouble((order) -> order.total().doubleValue()).sum();
		return Optional.of(new GammaGamma.Spend(paid.size(), sum / paid.size()));
	}

	/**
	 * The fitted parameters: BG/NBD's r, α (weeks), a, b; Gamma-Gamma's p, q, γ (shop's
	 * currency).
	 *
	 * @param buyers buyers the purchase model was fitted to
	 * @param repeatBuyers buyers with two or more orders the spend model was fitted to
	 */
	record Model(double r, double alpha, double a, double b, double p, double q, double gamma, long buyers,
			long repeatBuyers) {
	}

}
