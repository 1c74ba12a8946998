package dev.encore.engine.loyalty;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The shipped tier table read as a ladder: ranks from the table's order, and what a
 * customer lacks for the next tier, computed by hand from docs/loyalty.md's thresholds.
 */
class TierLadderTest {

	private static TierLadder ladder;

	@BeforeAll
	static void read() throws Exception {
		try (InputStream in = TierLadderTest.class.getResourceAsStream("/journeys/loyalty-tier.dmn")) {
			ladder = TierTable.read(Dmn.readModelFromStream(in));
		}
	}

	@Test
	void tiersRankInTheOrderTheTableNamesThem() {
		assertThat(ladder.tiers()).containsExactly("vip", "gold", "silver", "member");
		assertThat(ladder.next("member")).isEqualTo("silver");
		assertThat(ladder.next("gold")).isEqualTo("vip");
		assertThat(ladder.next("vip")).isNull();
		assertThat(ladder.next("platinum")).isNull();
		assertThat(ladder.direction(null, "member")).isEqualTo("first");
		assertThat(ladder.direction("silver", "gold")).isEqualTo("up");
		assertThat(ladder.direction("vip", "gold")).isEqualTo("down");
		assertThat(ladder.direction("platinum", "gold")).isEqualTo("changed");
	}

	@Test
	void goldNeedsThreePurchaseDaysAndFourHundredSpent() {
		// Silver with 280.00 over two days, visited 10 days ago: 120.00 and one day
		// short.
		TierInputs silver = new TierInputs(10, 2, new BigDecimal("280.00"), 2);

		assertThat(ladder.missing("gold", silver)).containsExactly(entry("purchaseDays", BigDecimal.ONE),
				entry("netSpend", new BigDecimal("120.00")));
	}

	@Test
	void ofATiersRulesTheOneWithFewestInputsUnmetCountsThenTheFirst() {
		// Silver is 100 spent or two orders, each with a visit within a year. 150 spent
		// 400 days ago: only the visit is missing by the first rule, also an order by the
		// second.
		TierInputs lapsed = new TierInputs(400, 1, new BigDecimal("150"), 1);
		assertThat(ladder.missing("silver", lapsed))
			.containsExactly(entry("daysSinceLastVisit", new BigDecimal("-35")));

		// One order of 60 is one unmet input short by either rule: the first one's says.
		TierInputs member = new TierInputs(3, 1, new BigDecimal("60"), 1);
		assertThat(ladder.missing("silver", member)).containsExactly(entry("netSpend", new BigDecimal("40.00")));
	}

	@Test
	void aLapsedVisitIsShortDownwardsAndEverythingMetIsNothingMissing() {
		TierInputs lapsedGold = new TierInputs(200, 6, new BigDecimal("2000"), 8);

		assertThat(ladder.missing("vip", lapsedGold))
			.containsExactly(entry("daysSinceLastVisit", new BigDecimal("-110")));
		assertThat(ladder.missing("gold", new TierInputs(0, 3, new BigDecimal("400"), 3))).isEmpty();
	}

	@Test
	void boundsReadComparisonsRangesAndNothingElse() {
		assertThat(Bound.parse(" - ")).isEqualTo(Bound.ANY);
		assertThat(Bound.parse(">= 500").shortOf(new BigDecimal("480"), BigDecimal.ONE)).isEqualByComparingTo("20");
		assertThat(Bound.parse("> 2").shortOf(new BigDecimal("2"), BigDecimal.ONE)).isEqualByComparingTo("1");
		assertThat(Bound.parse("> 99.99").shortOf(new BigDecimal("99.99"), new BigDecimal("0.01")))
			.isEqualByComparingTo("0.01");
		assertThat(Bound.parse("< 30").shortOf(new BigDecimal("30"), BigDecimal.ONE)).isEqualByComparingTo("-1");
		assertThat(Bound.parse("[1..5]").shortOf(new BigDecimal("7"), BigDecimal.ONE)).isEqualByComparingTo("-2");
		assertThat(Bound.parse("]1..5]").shortOf(new BigDecimal("1"), BigDecimal.ONE)).isEqualByComparingTo("1");
		assertThat(Bound.parse("3").shortOf(new BigDecimal("3"), BigDecimal.ONE)).isZero();
		assertThat(Bound.parse("not(3)").readable()).isFalse();
		assertThat(Bound.parse("date(\"2026-01-01\")").readable()).isFalse();
	}

	@Test
	void aTierWhoseRulesCannotBeReadHasNoMissing() {
		TierLadder unreadable = new TierLadder(
				java.util.List.of(new TierLadder.Rule("gold", Map.of("purchaseDays", Bound.parse("odd(purchaseDays)"))),
						new TierLadder.Rule("member", Map.of("purchaseDays", Bound.ANY))),
				Map.of("purchaseDays", BigDecimal.ONE));

		assertThat(unreadable.next("member")).isEqualTo("gold");
		assertThat(unreadable.missing("gold", new TierInputs(0, 1, BigDecimal.ZERO, 1))).isNull();
	}

}
