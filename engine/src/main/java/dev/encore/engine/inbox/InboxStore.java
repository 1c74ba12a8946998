package dev.encore.engine.inbox;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.encore.engine.store.CustomerData;

/**
 * Customers' on-site inboxes: in Redis ({@link RedisInboxStore}) or in memory for the
 * try-out ({@link InMemoryInboxStore}). An expired message is never read again and is
 * removed on the next read, so an inbox does not grow forever.
 */
public interface InboxStore extends CustomerData {

	/** Newest first. */
	Comparator<InboxMessage> NEWEST_FIRST = Comparator.comparing(InboxMessage::sentAt)
		.thenComparing(InboxMessage::id)
		.reversed();

	/** Adds the message, or replaces the customer's message with the same id. */
	void put(String customerId, InboxMessage message);

	/** The customer's messages not expired by {@code now}, newest first. */
	List<InboxMessage> unexpired(String customerId, Instant now);

	/** Marks the message seen; empty when the customer has no such unexpired message. */
	Optional<InboxMessage> markSeen(String customerId, String messageId, Instant now);

	/** Inboxes live outside the database (Redis or memory). */
	@Override
	default boolean inDatabase() {
		return false;
	}

}
