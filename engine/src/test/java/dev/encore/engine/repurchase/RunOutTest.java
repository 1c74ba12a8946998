package dev.encore.engine.repurchase;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunOutTest {

	private static final Instant ORDERED = Instant.parse("2026-11-23T09:00:00Z");

	@Test
	void eachConsumableRunsOutAfterQuantityTimesUsageAndSameMomentsShareOneRunOut() {
		List<OrderLine> lines = OrderLine.of(Map.of("products",
				List.of(Map.of("sku", "beans", "quantity", 2, "usage_days", 15),
						Map.of("sku", "filters", "usage_period", "P30D"), Map.of("sku", "soap", "usage_days", 60),
						Map.of("sku", "mug"))));

		List<RunOut> runOuts = RunOut.of(ORDERED, lines);

		assertThat(runOuts).extracting(RunOut::at)
			.containsExactly(Instant.parse("2026-12-23T09:00:00Z"), Instant.parse("2027-01-22T09:00:00Z"));
		assertThat(runOuts.get(0).lines()).extracting(OrderLine::id).containsExactly("beans", "filters");
		assertThat(RunOut.linesAt(ORDERED, lines, Instant.parse("2027-01-22T09:00:00Z"))).extracting(OrderLine::id)
			.containsExactly("soap");
		assertThat(RunOut.linesAt(ORDERED, lines, ORDERED)).isEmpty();
	}

}
