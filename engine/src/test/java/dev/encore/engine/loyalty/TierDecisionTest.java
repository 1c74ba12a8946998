package dev.encore.engine.loyalty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tier worked out in Java from a plain table is the tier Camunda's FEEL gives, for
 * the shipped table and for tables with the other comparisons a marketer may write
 * (exclusive bounds, ranges, a number); a table with other FEEL is left to FEEL, so what
 * FEEL refuses ({@code = 90}) still fails as before.
 */
class TierDecisionTest {

	private static final DmnEngine FEEL = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	@ParameterizedTest
	@ValueSource(strings = { "shipped", "exclusive", "ranges", "numbers" })
	void javaAnswersAsFeelDoes(String variant) throws IOException {
		String dmn = variant(variant);
		DmnModelInstance model = Dmn
			.readModelFromStream(new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
		TierLadder ladder = TierTable.read(model);
		DmnDecision decision = FEEL.parseDecision(TierTable.DECISION, model);
		Random random = new Random(7);
		int decided = 0;
		for (int i = 0; i < 3000; i++) {
			TierInputs inputs = new TierInputs(random.nextInt(500), random.nextInt(9), money(random),
					random.nextInt(6));
			Object feel = FEEL.evaluateDecisionTable(decision, Variables.fromMap(inputs.variables())).getSingleEntry();
			Optional<String> java = ladder.decide(inputs);
			if (java.isPresent()) {
				decided++;
				assertThat(java.get()).as("%s: %s", variant, inputs).isEqualTo(feel);
			}
		}
		assertThat(decided).as("every input decided in Java").isEqualTo(3000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "odd(?)", "not(90)", "> daysSinceLastVisit", "= 90" })
	void otherFeelIsLeftToFeel(String entry) throws IOException {
		String dmn = shipped().replace("<text>&lt;= 90</text>", "<text>" + entry + "</text>");
		TierLadder ladder = TierTable
			.read(Dmn.readModelFromStream(new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8))));

		assertThat(ladder.decide(new TierInputs(10, 6, new BigDecimal("2000"), 6))).isEmpty();
	}

	/** Money as shops have it, the thresholds themselves often. */
	private static BigDecimal money(Random random) {
		if (random.nextInt(4) == 0) {
			return new BigDecimal(
					new String[] { "100", "99.99", "100.01", "400", "399.99", "1000", "1000.00" }[random.nextInt(7)]);
		}
		return BigDecimal.valueOf(random.nextInt(200_000), 2);
	}

	private static String variant(String name) throws IOException {
		String table = shipped();
		return switch (name) {
			case "exclusive" ->
				table.replace("&gt;= 5", "&gt; 4").replace("&lt;= 180", "&lt; 181").replace("&gt;= 100", "&gt; 99.99");
			case "ranges" -> table.replace("<text>&gt;= 1000</text>", "<text>[1000..5000]</text>")
				.replace("<text>&lt;= 365</text>", "<text>[0..365)</text>")
				.replace("<text>&gt;= 400</text>", "<text>]399.99..1000[</text>");
			case "numbers" -> table.replace("<text>&gt;= 2</text>", "<text>3</text>");
			default -> table;
		};
	}

	private static String shipped() throws IOException {
		try (InputStream in = TierDecisionTest.class.getResourceAsStream("/journeys/loyalty-tier.dmn")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
