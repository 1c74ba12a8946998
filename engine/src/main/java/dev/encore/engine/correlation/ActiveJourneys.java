package dev.encore.engine.correlation;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.springframework.stereotype.Component;

import dev.encore.engine.journey.JourneyModel;

/**
 * The keys of the journeys a customer is on now, by a native query that only the
 * business-key index can answer. Camunda's process-instance query adds
 * {@code PARENT_ID_ IS NULL}, true of every waiting instance, and H2 picks the parent
 * index for it: a scan per event that grows with the customers waiting. A process
 * instance is the execution that is its own process instance.
 */
@Component
class ActiveJourneys {

	private final RuntimeService runtime;

	private final JourneyModel model;

	private final String sql;

	ActiveJourneys(RuntimeService runtime, JourneyModel model, ManagementService management) {
		this.runtime = runtime;
		this.model = model;
		this.sql = "SELECT RES.* FROM " + management.getTableName(ProcessInstance.class)
				+ " RES WHERE RES.BUSINESS_KEY_ = #{customer} AND RES.ID_ = RES.PROC_INST_ID_";
	}

	List<String> of(String customerId) {
		return this.runtime.createNativeProcessInstanceQuery()
			.sql(this.sql)
			.parameter("customer", customerId)
			.list()
			.stream()
			.map((instance) -> this.model.key(instance.getProcessDefinitionId()))
			.distinct()
			.toList();
	}

}
