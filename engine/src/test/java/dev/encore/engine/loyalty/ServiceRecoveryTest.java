package dev.encore.engine.loyalty;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who the service-recovery journey lets in ({@code ${feedback.unhappy(event)}}). */
class ServiceRecoveryTest {

	private final ServiceRecovery feedback = new ServiceRecovery();

	@Test
	void aRatingOfTwoOrLessOverallOrInAnyAspectIsUnhappy() {
		assertThat(this.feedback.unhappy(Map.of("rating", 2))).isTrue();
		assertThat(this.feedback.unhappy(Map.of("rating", "1"))).isTrue();
		assertThat(this.feedback.unhappy(Map.of("rating", 5, "ratings", Map.of("refundSpeed", 2)))).isTrue();
		assertThat(this.feedback.unhappy(Map.of("rating", 3))).isFalse();
		assertThat(this.feedback.unhappy(Map.of("rating", 5, "ratings", Map.of("logistics", 3)))).as("absent aspects")
			.isFalse();
	}

	@Test
	void detractorsAreUnhappyPassivesAndPromotersAreNot() {
		assertThat(this.feedback.unhappy(Map.of("score", 6))).isTrue();
		assertThat(this.feedback.unhappy(Map.of("score", 0))).isTrue();
		assertThat(this.feedback.unhappy(Map.of("score", 7))).isFalse();
		assertThat(this.feedback.unhappy(Map.of("score", 10))).isFalse();
	}

	@Test
	void whatNoCheckWouldAcceptNeverLetsAnyoneIn() {
		assertThat(this.feedback.unhappy(Map.of("score", 3, "rating", "bad"))).isFalse();
		assertThat(this.feedback.unhappy(Map.of())).isFalse();
	}

}
