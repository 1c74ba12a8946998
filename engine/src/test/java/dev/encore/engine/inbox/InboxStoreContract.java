package dev.encore.engine.inbox;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link InboxStore} must do; run against each implementation. */
abstract class InboxStoreContract {

	static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

	/** An empty store. */
	abstract InboxStore inboxes();

	static InboxMessage message(String id, Instant sentAt, Duration lifetime) {
		return new InboxMessage(id, "Title " + id, "Body " + id, "https://shop.example/" + id, null, "AbandonedCart",
				"SendTaskInbox", sentAt, sentAt.plus(lifetime), false);
	}

	@Test
	void unexpiredMessagesAreListedNewestFirst() {
		inboxes().put("c-1", message("a", NOW, Duration.ofDays(7)));
		inboxes().put("c-1", message("b", NOW.plusSeconds(60), Duration.ofDays(1)));
		inboxes().put("c-2", message("z", NOW, Duration.ofDays(7)));

		assertThat(inboxes().unexpired("c-1", NOW.plusSeconds(120))).extracting(InboxMessage::id)
			.containsExactly("b", "a");
		assertThat(inboxes().unexpired("c-1", NOW.plusSeconds(120)).get(1))
			.isEqualTo(message("a", NOW, Duration.ofDays(7)));
		assertThat(inboxes().unexpired("c-3", NOW)).isEmpty();
	}

	@Test
	void anExpiredMessageIsNeverReadAgain() {
		inboxes().put("c-1", message("short", NOW, Duration.ofHours(1)));
		inboxes().put("c-1", message("long", NOW, Duration.ofDays(7)));

		assertThat(inboxes().unexpired("c-1", NOW.plus(Duration.ofHours(1)))).extracting(InboxMessage::id)
			.containsExactly("long");
		assertThat(inboxes().markSeen("c-1", "short", NOW.plus(Duration.ofHours(1)))).isEmpty();
		// Not even if time were turned back: it is gone.
		assertThat(inboxes().unexpired("c-1", NOW)).extracting(InboxMessage::id).containsExactly("long");
	}

	@Test
	void theSameIdReplacesTheMessage() {
		inboxes().put("c-1", message("a", NOW, Duration.ofDays(7)));
		inboxes().put("c-1", message("a", NOW.plusSeconds(5), Duration.ofDays(7)));

		assertThat(inboxes().unexpired("c-1", NOW.plusSeconds(10))).extracting(InboxMessage::sentAt)
			.containsExactly(NOW.plusSeconds(5));
	}

	@Test
	void markingSeenIsRememberedAndUnknownMessagesAreNotFound() {
		inboxes().put("c-1", message("a", NOW, Duration.ofDays(7)));

		assertThat(inboxes().markSeen("c-1", "a", NOW)).hasValueSatisfying((seen) -> {
			assertThat(seen.seen()).isTrue();
			assertThat(seen.journey()).isEqualTo("AbandonedCart");
		});
		assertThat(inboxes().unexpired("c-1", NOW)).singleElement().extracting(InboxMessage::seen).isEqualTo(true);
		assertThat(inboxes().markSeen("c-1", "nope", NOW)).isEmpty();
		assertThat(inboxes().markSeen("c-2", "a", NOW)).isEmpty();
		assertThat(inboxes().unexpired("c-2", NOW)).isEmpty();
	}

	@Test
	void erasureDeletesTheInbox() {
		inboxes().put("c-1", message("a", NOW, Duration.ofDays(7)));
		inboxes().put("c-2", message("b", NOW, Duration.ofDays(7)));

		assertThat(inboxes().erase("c-1", "erased-x")).isPositive();

		assertThat(inboxes().unexpired("c-1", NOW)).isEmpty();
		assertThat(inboxes().markSeen("c-1", "a", NOW)).isEmpty();
		assertThat(inboxes().unexpired("c-2", NOW)).hasSize(1);
		assertThat(inboxes().erase("c-1", "erased-y")).isZero();
		assertThat(inboxes().inDatabase()).isFalse();
	}

}
