package dev.encore.engine.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.encore.engine.journey.InvalidJourneyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryRulesTest {

	private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

	@Test
	void defaultsLetACustomerBackInAfterTheLastJourneyEndedButOneAtATime() {
		EntryRules rules = EntryRules.from(Map.of());
		assertThat(rules.reentry()).isEqualTo(EntryRules.Reentry.ALWAYS);
		assertThat(rules.concurrent()).isFalse();
		assertThat(rules.filter()).isNull();
		assertThat(rules.allowsEntry(NOW.minusSeconds(1), NOW)).isTrue();
	}

	@Test
	void neverMeansOnceInALifetime() {
		EntryRules rules = EntryRules.from(Map.of("reentry", "never"));
		assertThat(rules.allowsEntry(null, NOW)).isTrue();
		assertThat(rules.allowsEntry(NOW.minus(Duration.ofDays(3650)), NOW)).isFalse();
	}

	@Test
	void afterADurationCountsFromTheLastEntry() {
		EntryRules rules = EntryRules.from(Map.of("reentry", "after:P30D"));
		assertThat(rules.allowsEntry(NOW.minus(Duration.ofDays(30)).plusSeconds(1), NOW)).isFalse();
		assertThat(rules.allowsEntry(NOW.minus(Duration.ofDays(30)), NOW)).isTrue();
	}

	@Test
	void malformedRulesNameTheProperty() {
		assertThatThrownBy(() -> EntryRules.from(Map.of("reentry", "sometimes")))
			.isInstanceOf(InvalidJourneyException.class)
			.hasMessageContaining("entry.reentry");
		assertThatThrownBy(() -> EntryRules.from(Map.of("reentry", "after:30 days"))).hasMessageContaining("ISO-8601");
		assertThatThrownBy(() -> EntryRules.from(Map.of("concurrent", "yes"))).hasMessageContaining("entry.concurrent");
	}

	@Test
	void theDeployCheckReportsWhatTheParseRefusesInItsWords() {
		EntryRuleCheck check = new EntryRuleCheck();
		assertThat(check.problems(Map.of("entry.reentry", "after:P30D", "entry.filter", "${true}", "goal.event", "x")))
			.isEmpty();
		assertThat(check.problems(Map.of("entry.reentry", "sometimes", "reentry", "never")))
			.containsExactly("entry.reentry must be always, never or after:<ISO-8601 duration>, not 'sometimes'");
		assertThat(check.problems(Map.of("entry.concurrent", "yes")))
			.containsExactly("entry.concurrent must be true or false, not 'yes'");
	}

}
