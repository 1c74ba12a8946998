package dev.encore.engine.access;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Code cannot reach the engine through a stored or ad-hoc query (through a deployment:
 * {@code JourneySandboxTest}).
 */
class EngineHardeningTest extends EncoreIntegrationTest {

	@Autowired
	private FilterService filters;

	@Autowired
	private TaskService tasks;

	@Test
	void expressionsInSavedFiltersAndAdHocQueriesAreRefused() {
		Filter filter = this.filters.newTaskFilter("mine")
			.setQuery(this.tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
		assertThatThrownBy(() -> this.filters.saveFilter(filter)).hasMessageContaining("Expressions are forbidden");
		assertThatThrownBy(() -> this.tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").list())
			.hasMessageContaining("Expressions are forbidden");
	}

}
