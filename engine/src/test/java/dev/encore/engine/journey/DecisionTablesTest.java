package dev.encore.engine.journey;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rule tables are evaluated in memory, yet a new version counts from the next evaluation,
 * a deleted one is never evaluated again, and all evaluations in one transaction see the
 * same version.
 */
class DecisionTablesTest extends EncoreIntegrationTest {

	private static final String KEY = "ProbeDiscount";

	@Autowired
	private DecisionTables tables;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private DecisionService decisions;

	@AfterEach
	void removeProbe() {
		deleteDeployments(KEY);
	}

	private String deploy(String smallOrder) {
		return deployAnswering("\"" + smallOrder + "\"");
	}

	/** A version whose answer for small orders is the FEEL expression given. */
	private String deployAnswering(String smallOrder) {
		String dmn = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="probe" name="Probe"
				    namespace="http://encore.dev/dmn" xmlns:camunda="http://camunda.org/schema/1.0/dmn">
				  <decision id="%s" name="Probe discount" camunda:historyTimeToLive="1">
				    <decisionTable id="table" hitPolicy="FIRST">
				      <input id="total" label="Order total">
				        <inputExpression id="totalExpression" typeRef="double"><text>total</text></inputExpression>
				      </input>
				      <output id="discount" name="discount" typeRef="string" />
				      <rule id="small"><inputEntry id="smallTotal"><text>&lt; 100</text></inputEntry>
				        <outputEntry id="smallDiscount"><text>%s</text></outputEntry></rule>
				      <rule id="large"><inputEntry id="largeTotal"><text>&gt;= 100</text></inputEntry>
				        <outputEntry id="largeDiscount"><text>"ten"</text></outputEntry></rule>
				    </decisionTable>
				  </decision>
				</definitions>
				""".formatted(KEY, smallOrder);
		return this.repository.createDeployment().name(KEY).addString(KEY + ".dmn", dmn).deploy().getId();
	}

	private Object discount(double total) {
		return this.tables.evaluate(KEY, Map.of("total", total)).getSingleEntry();
	}

	@Test
	void theLatestVersionCountsFromTheNextEvaluation() {
		assertThatThrownBy(() -> discount(50)).isInstanceOf(NotFoundException.class);

		deploy("none");
		assertThat(discount(50)).isEqualTo("none");
		assertThat(discount(150)).isEqualTo("ten");

		String second = deploy("five");
		assertThat(discount(50)).as("the new version").isEqualTo("five");

		this.repository.deleteDeployment(second, true);
		assertThat(discount(50)).as("back to the first version").isEqualTo("none");
	}

	@Test
	void theSameQuestionIsAnsweredOnceUnlessTheTableReadsTheClock() {
		deploy("none");
		DmnDecisionResult first = this.tables.evaluate(KEY, Map.of("total", 50.0));
		assertThat(this.tables.evaluate(KEY, new HashMap<>(Map.of("total", 50.0)))).isSameAs(first);
		assertThat(this.tables.evaluate(KEY, Map.of("total", 150.0))).isNotSameAs(first);

		// FEEL's clock: the same inputs may get another answer tomorrow.
		deployAnswering("if now() != null then \"in time\" else \"never\"");
		DmnDecisionResult timed = this.tables.evaluate(KEY, Map.of("total", 50.0));
		assertThat(timed.<Object>getSingleEntry()).isEqualTo("in time");
		assertThat(this.tables.evaluate(KEY, Map.of("total", 50.0))).isNotSameAs(timed);
	}

	@Test
	void aTableOfNumbersAndConstantsIsAskedOncePerCellOfItsGrid() {
		deploy("none");
		DmnDecisionResult small = this.tables.evaluate(KEY, Map.of("total", 50.0));
		assertThat(this.tables.evaluate(KEY, Map.of("total", 99.99))).as("below 100 as well").isSameAs(small);
		assertThat(this.tables.evaluate(KEY, Map.of("total", -3))).isSameAs(small);
		DmnDecisionResult large = this.tables.evaluate(KEY, Map.of("total", 100.0));
		assertThat(large).isNotSameAs(small);
		assertThat(large.<Object>getSingleEntry()).isEqualTo("ten");
		assertThat(this.tables.evaluate(KEY, Map.of("total", 100))).as("on 100, as an int").isSameAs(large);
		assertThat(this.tables.evaluate(KEY, Map.of("total", 100.01))).isNotSameAs(large);

		// An answer computed from the input is not the same across a cell.
		deployAnswering("string(total)");
		assertThat(discount(50)).isEqualTo("50.0");
		assertThat(discount(60)).isEqualTo("60.0");
	}

	@Test
	void theShippedTierTableAnswersAsFeelDoesForAnyCustomer() {
		Random random = new Random(42);
		int[] days = { 0, 1, 89, 90, 91, 179, 180, 181, 364, 365, 366, 1000 };
		double[] spends = { 0, 0.01, 99.99, 100, 100.01, 399.99, 400, 400.01, 999.99, 1000, 1000.01, 5000 };
		for (int i = 0; i < 1000; i++) {
			Map<String, Object> inputs = Map.of("daysSinceLastVisit",
					random.nextBoolean() ? days[random.nextInt(days.length)] : random.nextInt(400), "purchaseDays",
					random.nextInt(8), "netSpend", random.nextBoolean() ? spends[random.nextInt(spends.length)]
							: Math.round(random.nextDouble() * 150_000) / 100.0,
					"orderCount", random.nextInt(6));

			Object feel = this.decisions.evaluateDecisionByKey("LoyaltyTier")
				.variables(inputs)
				.evaluate()
				.getSingleEntry();

			assertThat(this.tables.evaluate("LoyaltyTier", inputs).<Object>getSingleEntry()).as(inputs.toString())
				.isEqualTo(feel);
		}
	}

	@Test
	void oneTransactionSeesOneVersionUnlessItDeploysItself() {
		deploy("none");
		this.transactions.executeWithoutResult((status) -> {
			assertThat(discount(50)).isEqualTo("none");
			// Deployed here: this node's own change is seen at once, in the same
			// transaction.
			deploy("five");
			assertThat(discount(50)).isEqualTo("five");
		});
	}

}
