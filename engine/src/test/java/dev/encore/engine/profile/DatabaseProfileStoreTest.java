package dev.encore.engine.profile;

import java.time.Clock;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On H2 with Encore's migrations, as the try-out runs it (the integration suite's
 * PostgreSQL run uses it too, wherever a test has no Redis).
 */
class DatabaseProfileStoreTest extends ProfileStoreContract {

	/** A database of its own per test: the contract's tests share addresses. */
	private final JdbcClient jdbc = JdbcClient.create(migrated());

	private final DatabaseProfileStore store = new DatabaseProfileStore(this.jdbc, new ObjectMapper(),
			Clock.systemUTC());

	private static JdbcDataSource migrated() {
		JdbcDataSource data = new JdbcDataSource();
		data.setURL("jdbc:h2:mem:profiles-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(data).load().migrate();
		return data;
	}

	@Override
	ProfileStore store() {
		return this.store;
	}

	@Test
	void aProfileIsOneRowWithItsContactsAsColumns() {
		savedProfileReadsBackWithTraitsAndCart();

		assertThat(this.jdbc.sql("SELECT email_key FROM encore_profile WHERE fields LIKE '%Lovelace%'")
			.query(String.class)
			.list()).containsExactly("ada@example.org");
	}

}
