package dev.encore.engine.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database integration tests run on: H2 in memory by default, or the local PostgreSQL
 * server when {@code encore.test.database=postgres} (the build's second test run). On
 * PostgreSQL every Spring test context gets a database of its own, dropped when the JVM
 * ends, so the suite leaves the server as it found it.
 */
public final class TestDatabase {

	private static final String ADMIN_URL = System.getProperty("encore.test.postgres.url",
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String USER = System.getProperty("encore.test.postgres.user", "postgres");

	private static final List<String> created = new CopyOnWriteArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropAll));
	}

	private TestDatabase() {
	}

	public static boolean postgres() {
		return "postgres".equals(System.getProperty("encore.test.database"));
	}

	static void register(DynamicPropertyRegistry registry) {
		if (!postgres()) {
			return;
		}
		String url = createPostgres();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> "");
	}

	/** A new, empty PostgreSQL database, dropped when the JVM ends; its JDBC URL. */
	public static String createPostgres() {
		String name = "encore_test_" + UUID.randomUUID().toString().replace("-", "");
		admin("CREATE DATABASE " + name);
		created.add(name);
		return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
	}

	/**
	 * A number a query counts in a PostgreSQL database another process writes (it fails
	 * while that process has not made its tables yet).
	 */
	public static long count(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url, postgresUser(), "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	public static String postgresUser() {
		return USER;
	}

	// Shutdown hooks run concurrently: Spring's hook closes the contexts (and their
	// pools) while this one waits for the last connection to go before dropping.
	private static void dropAll() {
		for (String name : created) {
			for (int attempt = 1;; attempt++) {
				try {
					admin("DROP DATABASE IF EXISTS " + name + (attempt < 100 ? "" : " WITH (FORCE)"));
					break;
				}
				catch (IllegalStateException stillInUse) {
					if (attempt >= 100) {
						throw stillInUse;
					}
					LockSupport.parkNanos(100_000_000L);
				}
			}
		}
	}

	private static void admin(String sql) {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " (start it as .ci/run does): " + sql, ex);
		}
	}

	/**
	 * Adds the {@code postgres} profile (application-postgres.yml) on the PostgreSQL run.
	 */
	public static final class Profiles implements ActiveProfilesResolver {

		@Override
		public String[] resolve(Class<?> testClass) {
			return postgres() ? new String[] { "test", "postgres" } : new String[] { "test" };
		}

	}

}
