package dev.encore.engine.correlation;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.encore.engine.journey.InvalidJourneyException;
import dev.encore.engine.journey.JourneyModel;
import dev.encore.engine.journey.ProcessPropertyCheck;

/**
 * Refuses a journey whose {@code entry.*} properties {@link EntryRules} cannot read, at
 * deploy time, with the message the parse gives.
 */
@Component
public class EntryRuleCheck implements ProcessPropertyCheck {

	@Override
	public List<String> problems(Map<String, String> properties) {
		try {
			EntryRules.from(JourneyModel.withPrefix(properties, EntryRules.PREFIX));
			return List.of();
		}
		catch (InvalidJourneyException ex) {
			return List.of(ex.getMessage());
		}
	}

}
