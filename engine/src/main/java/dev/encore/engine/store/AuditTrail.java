package dev.encore.engine.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What people did by hand, who and why (table {@code encore_audit}): support exiting a
 * customer from a journey, a marketer's test send.
 */
@Repository
public class AuditTrail {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record Action(Instant at, String actor, String action, String customerId, String processInstanceId,
			String reason) {
	}

	public void record(String actor, String action, String customerId, String processInstanceId, String reason) {
		this.jdbc.sql("""
				INSERT INTO encore_audit (at, actor, action, customer_id, process_instance_id, reason)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(this.clock.instant()), actor, action, customerId, processInstanceId, reason)
			.update();
	}

	public List<Action> forInstance(String processInstanceId) {
		return this.jdbc.sql("""
				SELECT at, actor, action, customer_id, process_instance_id, reason FROM encore_audit
				WHERE process_instance_id = ? ORDER BY at, id""")
			.param(processInstanceId)
			.query((row, i) -> new Action(row.getTimestamp(1).toInstant(), row.getString(2), row.getString(3),
					row.getString(4), row.getString(5), row.getString(6)))
			.list();
	}

}
