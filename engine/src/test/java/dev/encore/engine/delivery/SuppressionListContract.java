package dev.encore.engine.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.encore.connectors.Channel;
import dev.encore.engine.delivery.SuppressionList.Entry;
import dev.encore.engine.delivery.SuppressionList.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SuppressionList} must do; run against each implementation. */
abstract class SuppressionListContract {

	static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	/** An empty list whose entries are made at {@link #NOW}. */
	abstract SuppressionList suppressions();

	@Test
	void anAddressNeverSuppressedIsNotFoundAndCannotBeLifted() {
		assertThat(suppressions().find(Channel.EMAIL, "ada@example.org")).isEmpty();
		assertThat(suppressions().list(Channel.EMAIL)).isEmpty();
		assertThat(suppressions().remove(Channel.EMAIL, "ada@example.org")).isFalse();
	}

	@Test
	void aSuppressedAddressIsFoundWithItsReasonAndTimeWhateverItsCaseAndSpaces() {
		suppressions().add(Channel.EMAIL, " Ada@Example.org ", Reason.COMPLAINT);

		Entry expected = new Entry("email", "ada@example.org", Reason.COMPLAINT, NOW);
		assertThat(suppressions().find(Channel.EMAIL, "ada@example.org")).contains(expected);
		assertThat(suppressions().find(Channel.EMAIL, "ADA@EXAMPLE.ORG")).contains(expected);
		assertThat(suppressions().list(Channel.EMAIL)).containsExactly(expected);
	}

	@Test
	void eachChannelHasItsOwnList() {
		suppressions().add(Channel.SMS, "+886912345678", Reason.HARD_BOUNCE);

		assertThat(suppressions().find(Channel.SMS, "+886912345678")).isPresent();
		assertThat(suppressions().find(Channel.EMAIL, "+886912345678")).isEmpty();
		assertThat(suppressions().list(Channel.LINE)).isEmpty();
		assertThat(suppressions().remove(Channel.LINE, "+886912345678")).isFalse();
	}

	@Test
	void suppressingAgainReplacesTheReason() {
		suppressions().add(Channel.LINE, "U123", Reason.MANUAL);
		suppressions().add(Channel.LINE, "U123", Reason.HARD_BOUNCE);

		assertThat(suppressions().list(Channel.LINE)).extracting(Entry::reason).containsExactly(Reason.HARD_BOUNCE);
	}

	@Test
	void aLiftedSuppressionIsGoneAndOnlyLiftedOnce() {
		suppressions().add(Channel.EMAIL, "ada@example.org", Reason.MANUAL);
		suppressions().add(Channel.EMAIL, "bob@example.org", Reason.MANUAL);

		assertThat(suppressions().remove(Channel.EMAIL, "ADA@example.org")).isTrue();
		assertThat(suppressions().remove(Channel.EMAIL, "ada@example.org")).isFalse();
		assertThat(suppressions().find(Channel.EMAIL, "ada@example.org")).isEmpty();
		assertThat(suppressions().list(Channel.EMAIL)).extracting(Entry::address).containsExactly("bob@example.org");
	}

	@Test
	void theListIsInAddressOrder() {
		for (String address : new String[] { "carol@example.org", "ada@example.org", "bob@example.org" }) {
			suppressions().add(Channel.EMAIL, address, Reason.MANUAL);
		}

		assertThat(suppressions().list(Channel.EMAIL)).extracting(Entry::address)
			.containsExactly("ada@example.org", "bob@example.org", "carol@example.org");
	}

}
