package dev.encore.engine.journey;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** On H2 and, in the PostgreSQL run of the suite, on PostgreSQL. */
class JobAcquisitionSchemaTest extends EncoreIntegrationTest {

	private static final String DEPLOYMENT = "job-acquisition-test";

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProcessEngine engine;

	@Autowired
	JobAcquisitionSchema schema;

	@AfterEach
	void removeTheProcess() {
		deleteDeployments(DEPLOYMENT);
	}

	@Test
	void theJobTableHasTheLockExpiryAndDueDateIndexesOnceCamundaMadeIt() throws Exception {
		assertThat(indexesOn("LOCK_EXP_TIME_")).containsExactly(JobAcquisitionSchema.LOCK_EXPIRY_INDEX);
		assertThat(indexesOn("DUEDATE_")).containsExactly(JobAcquisitionSchema.DUE_DATE_INDEX);
	}

	@Test
	void acquisitionTakesTheEarliestDueJobFirstWhateverOrderTheyWereMadeIn() {
		deploy();
		String later = waitingJob("PT2H");
		String earlier = waitingJob("PT1H");
		this.clock.setTo(this.clock.now().plus(Duration.ofHours(3)));

		// H2 returns index order anyway; PostgreSQL scans the small table in insertion
		// order, so its pass of the suite is where an unordered acquisition shows.
		List<String> acquirable = acquirableJobIds();

		assertThat(acquirable).contains(earlier, later);
		assertThat(acquirable.indexOf(earlier)).isLessThan(acquirable.indexOf(later));
	}

	@Test
	void aJobMadeWithoutADueDateGetsItsCreationTimeSoAcquisitionStillFindsIt() {
		deploy();
		String job = waitingJob("PT1H");
		this.jdbc.sql("UPDATE ACT_RU_JOB SET DUEDATE_ = NULL WHERE ID_ = ?").param(job).update();
		assertThat(acquirableJobIds()).doesNotContain(job);

		this.schema.postProcessEngineBuild(this.engine);

		Job dated = this.management.createJobQuery().jobId(job).singleResult();
		assertThat(dated.getDuedate()).isEqualTo(dated.getCreateTime());
		assertThat(acquirableJobIds()).contains(job);
	}

	private void deploy() {
		BpmnModelInstance process = Bpmn.createExecutableProcess("AcquisitionOrder")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.intermediateCatchEvent()
			.timerWithDuration("${wait}")
			.endEvent()
			.done();
		this.repository.createDeployment()
			.name(DEPLOYMENT)
			.addModelInstance("acquisition-order.bpmn", process)
			.deploy();
	}

	private String waitingJob(String wait) {
		String instance = this.runtime.startProcessInstanceByKey("AcquisitionOrder", Map.of("wait", wait)).getId();
		return this.management.createJobQuery().processInstanceId(instance).singleResult().getId();
	}

	/**
	 * What the job executor's next acquisition would take, in its order, locking none.
	 */
	private List<String> acquirableJobIds() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		return configuration.getCommandExecutorTxRequired()
			.execute((context) -> context.getJobManager().findNextJobsToExecute(new Page(0, 100)))
			.stream()
			.map(AcquirableJobEntity::getId)
			.toList();
	}

	private List<String> indexesOn(String column) throws Exception {
		List<String> names = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			// H2 keeps unquoted names in upper case, PostgreSQL in lower case.
			for (String table : List.of("ACT_RU_JOB", "act_ru_job")) {
				try (ResultSet indexes = metaData.getIndexInfo(null, null, table, false, false)) {
					while (indexes.next()) {
						if (column.equalsIgnoreCase(indexes.getString("COLUMN_NAME"))) {
							names.add(indexes.getString("INDEX_NAME").toUpperCase());
						}
					}
				}
			}
		}
		return names;
	}

}
