package dev.encore.engine.profile;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerProfileTest {

	@Test
	void segmentReservedTraitsFillTypedFieldsInEitherSpelling() {
		CustomerProfile profile = CustomerProfile.empty("c-1")
			.withTraits(Map.of("email", "ada@example.org", "first_name", "Ada", "last_name", "Lovelace", "timezone",
					"Asia/Taipei", "plan", "gold"));

		assertThat(profile.email()).isEqualTo("ada@example.org");
		assertThat(profile.firstName()).isEqualTo("Ada");
		assertThat(profile.lastName()).isEqualTo("Lovelace");
		assertThat(profile.timeZone()).isEqualTo("Asia/Taipei");
		assertThat(profile.traits()).containsOnlyKeys("plan");
	}

	@Test
	void laterTraitsUpdateAndKeepEarlierOnes() {
		CustomerProfile profile = CustomerProfile.empty("c-1")
			.withTraits(Map.of("email", "old@example.org", "name", "Ada Lovelace"))
			.withTraits(Map.of("email", "new@example.org", "plan", "gold"));

		assertThat(profile.email()).isEqualTo("new@example.org");
		assertThat(profile.firstName()).isEqualTo("Ada");
		assertThat(profile.traits()).containsEntry("plan", "gold");
	}

}
