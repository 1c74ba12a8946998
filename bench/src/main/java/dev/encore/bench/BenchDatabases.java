package dev.encore.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Two empty databases of the same kind for one run, one for the Camunda ceiling and one
 * for Encore, removed afterwards: H2 files in a temporary directory (what Encore runs on
 * by default, so the heap figures do not include an in-memory database) or PostgreSQL
 * databases created on the server behind the {@code postgres} admin URL.
 */
final class BenchDatabases implements AutoCloseable {

	private final String adminUrl;

	private final String user;

	private final String password;

	private final String name;

	private final Path directory;

	private boolean keep;

	private BenchDatabases(String adminUrl, String user, String password, String name, Path directory) {
		this.adminUrl = adminUrl;
		this.user = user;
		this.password = password;
		this.name = name;
		this.directory = directory;
	}

	static BenchDatabases h2() {
		try {
			return new BenchDatabases(null, "sa", "", null, Files.createTempDirectory("encore-bench"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code adminUrl} names a database the user can connect to and create databases
	 * from.
	 */
	static BenchDatabases postgres(String adminUrl, String user, String password, String run) {
		BenchDatabases databases = new BenchDatabases(adminUrl, user, password, "encore_bench_" + run, null);
		databases.admin("CREATE DATABASE " + databases.name);
		databases.admin("CREATE DATABASE " + databases.name + "_ceiling");
		return databases;
	}

	boolean postgres() {
		return this.adminUrl != null;
	}

	String encore() {
		return url(postgres() ? this.name : "encore");
	}

	String ceiling() {
		return url(postgres() ? this.name + "_ceiling" : "ceiling");
	}

	String user() {
		return this.user;
	}

	String password() {
		return this.password;
	}

	private String url(String database) {
		if (postgres()) {
			return this.adminUrl.substring(0, this.adminUrl.lastIndexOf('/') + 1) + database;
		}
		// As Encore's default URL, for the ceiling's database too.
		return "jdbc:h2:file:" + this.directory.resolve(database).toAbsolutePath()
				+ ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256";
	}

	/**
	 * Leaves Encore's PostgreSQL database behind, to look into its tables after a run.
	 */
	BenchDatabases keep(boolean keep) {
		this.keep = keep;
		return this;
	}

	@Override
	public void close() {
		if (postgres()) {
			admin("DROP DATABASE IF EXISTS " + this.name + "_ceiling WITH (FORCE)");
			if (this.keep) {
				System.out.println("Kept database " + this.name + " (drop it when done)");
			}
			else {
				admin("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
			}
			return;
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Fresh planner statistics on Encore's database when the server's autovacuum is off
	 * (as on some build machines), as autovacuum would have them: tables that grew from
	 * empty to a million rows are otherwise planned as empty, and one variable lookup of
	 * a send step took 0.6 s. True when it ran.
	 */
	boolean analyzeIfNoAutovacuum() {
		if (!postgres()) {
			return false;
		}
		try (Connection connection = DriverManager.getConnection(encore(), this.user, this.password);
				Statement statement = connection.createStatement()) {
			try (ResultSet autovacuum = statement.executeQuery("SHOW autovacuum")) {
				if (autovacuum.next() && "on".equals(autovacuum.getString(1))) {
					return false;
				}
			}
			statement.execute("ANALYZE");
			return true;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("ANALYZE on " + this.name, ex);
		}
	}

	/**
	 * What autovacuum's analyze would do while the work runs, when the server's
	 * autovacuum is off: tables that grow during a phase (a stream starting browse
	 * journeys) keep their plans of when they were small otherwise, and each foreign-key
	 * check on {@code ACT_RU_EXECUTION} read the whole table (128 buffers per stream
	 * event).
	 */
	AutoCloseable analyzeWhileRunning(Duration every) {
		ScheduledExecutorService analyzer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "bench-analyze");
			thread.setDaemon(true);
			return thread;
		});
		analyzer.scheduleWithFixedDelay(this::analyzeIfNoAutovacuum, every.toMillis(), every.toMillis(),
				TimeUnit.MILLISECONDS);
		return analyzer::shutdownNow;
	}

	private void admin(String sql) {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.user, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + this.adminUrl + ": " + sql, ex);
		}
	}

}
