package dev.encore.engine.intake;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RecentMessageIds} must do; run against each implementation. Whether a
 * remembered id is seen depends on the form (Redis remembers for the window, the try-out
 * nothing), so each test class says it.
 */
abstract class RecentMessageIdsContract {

	abstract RecentMessageIds ids();

	final String messageId = "m-" + UUID.randomUUID();

	@Test
	void anIdNeverRememberedIsNotSeen() {
		assertThat(ids().seen(this.messageId)).isFalse();
	}

	@Test
	void rememberingOneIdDoesNotMakeAnotherSeen() {
		ids().remember(this.messageId);

		assertThat(ids().seen("m-" + UUID.randomUUID())).isFalse();
	}

	@Test
	void aRememberedIdIsSeenWhereTheFormRemembersAndRememberingTwiceIsHarmless() {
		ids().remember(this.messageId);
		ids().remember(this.messageId);

		assertThat(ids().seen(this.messageId)).isEqualTo(remembers());
	}

	@Test
	void aBatchIsLookedUpAndRememberedTogether() {
		String other = "m-" + UUID.randomUUID();
		String never = "m-" + UUID.randomUUID();
		ids().rememberAll(List.of(this.messageId, other));

		assertThat(ids().seenOf(List.of(never, this.messageId, other)))
			.isEqualTo(remembers() ? Set.of(this.messageId, other) : Set.of());
		assertThat(ids().seenOf(List.of())).isEmpty();
	}

	/** Whether a remembered id is seen afterwards. */
	abstract boolean remembers();

}
