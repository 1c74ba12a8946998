package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each order is one row of {@code encore_order}, kept as the profile sees it: refunds add
 * up, a refund in full stops it counting, a replay or a refund before its order gives the
 * same row, and erasure deletes the rows.
 */
class OrderRowsTest extends EncoreIntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private OrderBackfill backfill;

	@Test
	void ordersAndRefundsAreOneRowPerOrder() throws Exception {
		String customer = newCustomerId();
		TestEvents first = order(customer, "o-1", 120).with("currency", "eur").with("coupon", "WELCOME");
		send(first).andExpect(status().isAccepted());
		send(first.messageId("replayed-" + first.messageId())).andExpect(status().isAccepted());
		send(order(customer, "o-2", 80)).andExpect(status().isAccepted());
		send(refund(customer, "o-1", 20)).andExpect(status().isAccepted());
		send(refund(customer, "o-1", 30)).andExpect(status().isAccepted());
		send(refund(customer, "o-2", null)).andExpect(status().isAccepted());

		assertThat(rows(customer)).containsExactly(
				Map.of("order_id", "o-1", "total", "120.00", "currency", "EUR", "discounted", true, "refunded", "50.00",
						"fully_refunded", false),
				Map.of("order_id", "o-2", "total", "80.00", "currency", "-", "discounted", false, "refunded", "80.00",
						"fully_refunded", true));
		// The row adds no section to the profile.
		this.mvc.perform(get("/api/v1/customers/{id}", customer)).andExpect(jsonPath("$.orderbook").doesNotExist());
	}

	@Test
	void aRefundBeforeItsOrderIsInTheRowOnceTheOrderArrives() throws Exception {
		String customer = newCustomerId();
		send(refund(customer, "o-1", null)).andExpect(status().isAccepted());
		assertThat(rows(customer)).isEmpty();
		send(order(customer, "o-1", 40)).andExpect(status().isAccepted());
		assertThat(rows(customer)).singleElement()
			.satisfies(
					(row) -> assertThat(row).containsEntry("refunded", "40.00").containsEntry("fully_refunded", true));
	}

	@Test
	void erasureDeletesTheOrders() throws Exception {
		String customer = newCustomerId();
		send(order(customer, "o-1", 40)).andExpect(status().isAccepted());
		this.mvc.perform(delete("/api/v1/customers/{id}", customer)).andExpect(status().isNoContent());
		assertThat(rows(customer)).isEmpty();
	}

	@Test
	void ordersAppliedBeforeTheTableExistedAreWrittenOnceFromTheProfiles() throws Exception {
		String customer = newCustomerId();
		send(order(customer, "o-1", 120).with("currency", "EUR")).andExpect(status().isAccepted());
		send(order(customer, "o-2", 80)).andExpect(status().isAccepted());
		send(refund(customer, "o-2", 30)).andExpect(status().isAccepted());
		List<Map<String, Object>> live = rows(customer);
		// As before V19: the profile has the orders, the table has not; o-1 was written
		// meanwhile.
		this.jdbc.sql("DELETE FROM encore_order WHERE customer_id = ? AND order_id = 'o-2'").param(customer).update();
		this.jdbc.sql("DELETE FROM encore_scheduled_run WHERE task = ?").param(OrderBackfill.TASK).update();

		assertThat(this.backfill.backfill()).isPositive();
		assertThat(rows(customer)).isEqualTo(live);
		assertThat(this.backfill.backfill()).as("once per database").isZero();
	}

	private static TestEvents order(String customer, String orderId, double total) {
		return TestEvents.track("Order Completed", customer).with("order_id", orderId).with("total", total);
	}

	private static TestEvents refund(String customer, String orderId, Integer amount) {
		TestEvents refund = TestEvents.track("Order Refunded", customer).with("order_id", orderId);
		return amount == null ? refund : refund.with("total", amount);
	}

	private List<Map<String, Object>> rows(String customer) {
		return this.jdbc.sql("""
				SELECT order_id, total, currency, discounted, refunded, fully_refunded FROM encore_order
				WHERE customer_id = ? ORDER BY order_id""")
			.param(customer)
			.query((row, i) -> Map.<String, Object>of("order_id", row.getString(1), "total",
					money(row.getBigDecimal(2)), "currency", row.getString(3) == null ? "-" : row.getString(3),
					"discounted", row.getBoolean(4), "refunded", money(row.getBigDecimal(5)), "fully_refunded",
					row.getBoolean(6)))
			.list();
	}

	private static String money(BigDecimal value) {
		return value.setScale(2).toPlainString();
	}

}
