package dev.encore.engine.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.encore.engine.referral.ReferralCodes;
import dev.encore.engine.testsupport.RedisIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Erasure, checked by scanning every Redis key and every text column for the customer.
 */
class CustomerErasureTest extends RedisIntegrationTest {

	private static final JedisPooled redis = TestRedis.client();

	private static final String BIRTHDAYS = REDIS_PREFIX + "birthday:12-05";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReferralCodes referralCodes;

	@Autowired
	ProfileStore profiles;

	@Test
	void erasureLeavesNoPersonalDataAndEndsJourneys() throws Exception {
		String customer = newCustomerId();
		String email = customer + "@example.org";
		String firstName = "Zelda" + customer.substring(2, 10);
		send(TestEvents.track("Order Completed", customer).with("order_id", "o-1").with("total", 20))
			.andExpect(status().isAccepted());
		send(TestEvents.identify(customer, email, firstName).withTrait("birthday", "1990-12-05"))
			.andExpect(status().isAccepted());
		send(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0)).andExpect(status().isAccepted());
		this.clock.advance(Duration.ofHours(1));
		String journey = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey("AbandonedCart")
			.processInstanceBusinessKey(customer)
			.singleResult()
			.getId();
		assertThat(this.jdbc.sql("SELECT subject FROM encore_message_log WHERE process_instance_id = ?")
			.param(journey)
			.query(String.class)
			.single()).contains(firstName);
		assertThat(personalData(customer, email, firstName)).isNotEmpty()
			.map(String::toLowerCase)
			.as("loyalty: the order's points and the customer's first tier")
			.contains("encore_points_ledger.customer_id", "encore_tier_change.customer_id");
		assertThat(redisKeysNaming(customer)).isNotEmpty();
		this.profiles.sunset(customer, this.clock.now());
		assertThat(redis.sismember(BIRTHDAYS, customer)).isTrue();
		assertThat(this.profiles.find(customer).orElseThrow().sunset()).isTrue();

		this.mvc.perform(delete("/api/v1/customers/{id}", customer)).andExpect(status().isNoContent());

		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(customer).count()).isZero();
		assertThat(personalData(customer, email, firstName)).isEmpty();
		assertThat(redisKeysNaming(customer)).isEmpty();
		assertThat(redis.sismember(BIRTHDAYS, customer)).as("birthday index").isFalse();
		List<List<String>> log = this.jdbc
			.sql("SELECT customer_id, subject, preview FROM encore_message_log WHERE process_instance_id = ?")
			.param(journey)
			.query((row, i) -> java.util.Arrays.asList(row.getString(1), row.getString(2), row.getString(3)))
			.list();
		assertThat(log).singleElement().satisfies((row) -> {
			assertThat(row.get(0)).startsWith("erased-");
			assertThat(row.get(1)).isNull();
			assertThat(row.get(2)).isNull();
		});
		assertThat(this.jdbc.sql("SELECT customer_id FROM encore_journey_entry WHERE process_instance_id = ?")
			.param(journey)
			.query(String.class)
			.single()).as("one pseudonym in every feature's rows").isEqualTo(log.get(0).get(0));
		this.mvc.perform(get("/api/v1/customers/{id}", customer)).andExpect(status().isNotFound());
	}

	@Test
	void erasureForgetsTheReferralCodeSoItLeadsToNobody() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada")).andExpect(status().isAccepted());
		String code = this.referralCodes.codeFor(customer, "Ada");
		assertThat(personalData(customer)).map(String::toLowerCase).contains("encore_referral_code.customer_id");

		this.mvc.perform(delete("/api/v1/customers/{id}", customer)).andExpect(status().isNoContent());

		assertThat(personalData(customer)).isEmpty();
		assertThat(this.referralCodes.find(code)).isEmpty();
	}

	@Test
	void erasingAnUnknownCustomerIsNotFound() throws Exception {
		this.mvc.perform(delete("/api/v1/customers/{id}", newCustomerId())).andExpect(status().isNotFound());
	}

	/**
	 * Every text or binary column of every table holding any of the values (H2 or
	 * PostgreSQL).
	 */
	private List<String> personalData(String... values) {
		List<String> found = new ArrayList<>();
		List<List<String>> columns = this.jdbc.sql("""
				SELECT table_name, column_name, LOWER(data_type) FROM information_schema.columns
				WHERE LOWER(table_schema) = 'public' AND LOWER(data_type) IN ('character varying', 'character',
				  'character large object', 'text', 'binary varying', 'binary large object', 'bytea')""")
			.query((row, i) -> List.of(row.getString(1), row.getString(2), row.getString(3)))
			.list();
		assertThat(columns).hasSizeGreaterThan(100);
		boolean postgres = this.jdbc
			.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'pg_catalog'")
			.query(Long.class)
			.single() > 0;
		for (List<String> column : columns) {
			String name = "\"" + column.get(1) + "\"";
			boolean binary = column.get(2).startsWith("binary") || column.get(2).equals("bytea");
			String text = !binary ? name : postgres ? "encode(" + name + ", 'escape')" : "UTF8TOSTRING(" + name + ")";
			for (String value : values) {
				long rows = this.jdbc.sql("SELECT COUNT(*) FROM \"" + column.get(0) + "\" WHERE " + text + " LIKE ?")
					.param("%" + value + "%")
					.query(Long.class)
					.single();
				if (rows > 0) {
					found.add(column.get(0) + "." + column.get(1));
				}
			}
		}
		return found;
	}

	private List<String> redisKeysNaming(String customer) {
		List<String> keys = new ArrayList<>();
		String cursor = ScanParams.SCAN_POINTER_START;
		do {
			ScanResult<String> page = redis.scan(cursor, new ScanParams().match("*" + customer + "*").count(1000));
			keys.addAll(page.getResult());
			cursor = page.getCursor();
		}
		while (!ScanParams.SCAN_POINTER_START.equals(cursor));
		return keys;
	}

	@AfterAll
	static void close() {
		redis.close();
	}

}
