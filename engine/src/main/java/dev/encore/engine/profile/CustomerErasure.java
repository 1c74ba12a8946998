package dev.encore.engine.profile;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The right to erasure: the customer's journeys are ended and their history deleted
 * (Camunda's history holds the customer id as business key), their events deleted, their
 * message-log rows kept for journey statistics but with the customer replaced by a random
 * pseudonym and subject and preview removed, and the profile deleted last, once the
 * database side has committed.
 */
@Service
class CustomerErasure {

	private static final Logger log = LoggerFactory.getLogger(CustomerErasure.class);

	private final RuntimeService runtime;

	private final HistoryService history;

	private final JdbcClient jdbc;

	private final ProfileStore profiles;

	private final TransactionTemplate transactions;

	private final java.util.List<CustomerKeys> otherKeys;

	CustomerErasure(RuntimeService runtime, HistoryService history, JdbcClient jdbc, ProfileStore profiles,
			TransactionTemplate transactions, java.util.List<CustomerKeys> otherKeys) {
		this.otherKeys = otherKeys;
		this.runtime = runtime;
		this.history = history;
		this.jdbc = jdbc;
		this.profiles = profiles;
		this.transactions = transactions;
	}

	/** Whether Encore knew anything of the customer. */
	boolean erase(String customerId) {
		boolean known = this.profiles.find(customerId).isPresent();
		int rows = this.transactions.execute((status) -> eraseInDatabase(customerId));
		this.otherKeys.forEach((keys) -> keys.erase(customerId));
		this.profiles.delete(customerId);
		log.info("Erased customer={} ({} database rows)", customerId, rows);
		return known || rows > 0;
	}

	private int eraseInDatabase(String customerId) {
		List<String> running = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(customerId)
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
		if (!running.isEmpty()) {
			this.runtime.deleteProcessInstances(running, "customer erased", true, true);
		}
		List<String> finished = this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(customerId)
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toList();
		if (!finished.isEmpty()) {
			this.history.deleteHistoricProcessInstances(finished);
		}
		int events = this.jdbc.sql("DELETE FROM encore_event WHERE customer_id = ?").param(customerId).update();
		// Journey figures (sends, entries, conversions) keep counting, under an id that
		// leads back to nobody.
		String anonymous = "erased-" + UUID.randomUUID();
		int messages = this.jdbc.sql("""
				UPDATE encore_message_log SET customer_id = ?, subject = NULL, preview = NULL
				WHERE customer_id = ?""").params(anonymous, customerId).update();
		int entries = this.jdbc.sql("UPDATE encore_journey_entry SET customer_id = ? WHERE customer_id = ?")
			.params(anonymous, customerId)
			.update();
		int conversions = this.jdbc.sql("UPDATE encore_conversion SET customer_id = ? WHERE customer_id = ?")
			.params(anonymous, customerId)
			.update();
		return running.size() + finished.size() + events + messages + entries + conversions;
	}

}
