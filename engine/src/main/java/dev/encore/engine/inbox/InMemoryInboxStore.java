package dev.encore.engine.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Inboxes in memory, for the try-out: lost with the process. */
class InMemoryInboxStore implements InboxStore {

	private final Map<String, Map<String, InboxMessage>> inboxes = new ConcurrentHashMap<>();

	@Override
	public void put(String customerId, InboxMessage message) {
		this.inboxes.computeIfAbsent(customerId, (id) -> new ConcurrentHashMap<>()).put(message.id(), message);
	}

	@Override
	public List<InboxMessage> unexpired(String customerId, Instant now) {
		Map<String, InboxMessage> inbox = this.inboxes.get(customerId);
		if (inbox == null) {
			return List.of();
		}
		inbox.values().removeIf((message) -> message.expiredAt(now));
		return inbox.values().stream().sorted(NEWEST_FIRST).toList();
	}

	@Override
	public Optional<InboxMessage> markSeen(String customerId, String messageId, Instant now) {
		Map<String, InboxMessage> inbox = this.inboxes.get(customerId);
		if (inbox == null) {
			return Optional.empty();
		}
		InboxMessage seen = inbox.computeIfPresent(messageId,
				(id, message) -> message.expiredAt(now) ? null : message.markedSeen());
		return Optional.ofNullable(seen);
	}

	@Override
	public int erase(String customerId, String pseudonym) {
		Map<String, InboxMessage> removed = this.inboxes.remove(customerId);
		return removed == null ? 0 : removed.size();
	}

}
