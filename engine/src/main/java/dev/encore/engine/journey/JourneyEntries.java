package dev.encore.engine.journey;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.encore.engine.store.CustomerData;

/**
 * Every entry of a customer into a journey (table {@code encore_journey_entry}) and the
 * branches it took at random splits ({@code encore_split_assignment}), kept beyond
 * Camunda's history clean-up: re-entry rules, holdout and goal attribution read them.
 */
@Repository
public class JourneyEntries implements CustomerData {

	private final JdbcTemplate jdbc;

	JourneyEntries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One journey instance of one customer.
	 *
	 * @param source the customer's last-touch source at entry
	 * ({@code profile.acquisition}); null when none was known
	 */
	public record Entry(String processInstanceId, String processDefinitionId, String journeyKey, String customerId,
			Instant enteredAt, boolean holdout, String source) {

		public Entry(String processInstanceId, String processDefinitionId, String journeyKey, String customerId,
				Instant enteredAt, boolean holdout) {
			this(processInstanceId, processDefinitionId, journeyKey, customerId, enteredAt, holdout, null);
		}

	}

	public void record(Entry entry) {
		this.jdbc.update(
				"INSERT INTO encore_journey_entry (process_instance_id, process_definition_id, journey_key, customer_id,"
						+ " entered_at, holdout, source) VALUES (?, ?, ?, ?, ?, ?, ?)",
				entry.processInstanceId(), entry.processDefinitionId(), entry.journeyKey(), entry.customerId(),
				Timestamp.from(entry.enteredAt()), entry.holdout(), entry.source());
	}

	/**
	 * Records the branch taken at a split, once: the same customer always takes the same
	 * one.
	 */
	void assignBranch(String processInstanceId, String splitId, String branch, Instant at) {
		Long known = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM encore_split_assignment WHERE process_instance_id = ? AND split_id = ?",
				Long.class, processInstanceId, splitId);
		if (known == 0) {
			this.jdbc.update("INSERT INTO encore_split_assignment (process_instance_id, split_id, branch, assigned_at)"
					+ " VALUES (?, ?, ?, ?)", processInstanceId, splitId, branch, Timestamp.from(at));
		}
	}

	/** The branch of the journey instance's latest split, if it passed one. */
	public Optional<String> branchOf(String processInstanceId) {
		return this.jdbc
			.query("SELECT branch FROM encore_split_assignment WHERE process_instance_id = ?"
					+ " ORDER BY assigned_at DESC, split_id LIMIT 1", (row, i) -> row.getString(1), processInstanceId)
			.stream()
			.findFirst();
	}

	public Optional<Instant> lastEntry(String journeyKey, String customerId) {
		Timestamp last = this.jdbc.queryForObject(
				"SELECT MAX(entered_at) FROM encore_journey_entry WHERE journey_key = ? AND customer_id = ?",
				Timestamp.class, journeyKey, customerId);
		return Optional.ofNullable(last).map(Timestamp::toInstant);
	}

	/** The customer's entries since the given time, oldest first. */
	public List<Entry> since(String customerId, Instant from) {
		return this.jdbc
			.query("SELECT process_instance_id, process_definition_id, journey_key, customer_id, entered_at, holdout,"
					+ " source FROM encore_journey_entry WHERE customer_id = ? AND entered_at >= ? ORDER BY entered_at",
					(row, i) -> new Entry(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
							row.getTimestamp(5).toInstant(), row.getBoolean(6), row.getString(7)),
					customerId, Timestamp.from(from));
	}

	/** Erasure keeps the entries for journey figures, under the pseudonym. */
	@Override
	public int erase(String customerId, String pseudonym) {
		return this.jdbc.update("UPDATE encore_journey_entry SET customer_id = ? WHERE customer_id = ?", pseudonym,
				customerId);
	}

}
