package dev.encore.engine.journey;

import java.util.List;
import java.util.Map;

/**
 * A deploy-time check of the process properties a feature above reads (entry rules, in
 * correlation): the feature that enforces a property also says what is wrong with it, and
 * {@link JourneyValidator} reports every check's problems without importing the feature.
 */
public interface ProcessPropertyCheck {

	/**
	 * The problems with one process's properties ({@code camunda:property} by name), each
	 * a message for the marketer; empty when there are none.
	 */
	List<String> problems(Map<String, String> properties);

}
