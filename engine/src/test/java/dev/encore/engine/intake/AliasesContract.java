package dev.encore.engine.intake;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link Aliases} must do; run against each implementation. */
abstract class AliasesContract {

	abstract Aliases aliases();

	final String visitor = "anon-" + UUID.randomUUID();

	@Test
	void aVisitorNeverLinkedBelongsToNoCustomer() {
		assertThat(aliases().customerOf(this.visitor)).isEmpty();
	}

	@Test
	void aLinkedVisitorBelongsToTheCustomer() {
		aliases().link(this.visitor, "c-1");

		assertThat(aliases().customerOf(this.visitor)).contains("c-1");
	}

	@Test
	void linkingAgainMovesTheVisitorToTheLaterCustomer() {
		aliases().link(this.visitor, "c-1");
		aliases().link(this.visitor, "c-2");

		assertThat(aliases().customerOf(this.visitor)).contains("c-2");
	}

	@Test
	void eachVisitorIsLinkedOnItsOwn() {
		String other = "anon-" + UUID.randomUUID();
		aliases().link(this.visitor, "c-1");
		aliases().link(other, "c-1");

		assertThat(aliases().customerOf(this.visitor)).contains("c-1");
		assertThat(aliases().customerOf(other)).contains("c-1");
		assertThat(aliases().customerOf("anon-" + UUID.randomUUID())).isEmpty();
	}

}
