package dev.encore.engine.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.encore.engine.event.EventSink;
import dev.encore.engine.event.InvalidEventException;

/**
 * What became of one item of a batch.
 *
 * @param status {@code accepted}, {@code duplicate}, {@code rejected} (nothing stored),
 * {@code failed} (not applied for another reason, logged with its messageId: send it
 * again) or {@code ignored} (a call type Encore does not use, e.g. Segment {@code page})
 * @param reason why an item was rejected or failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ItemResult(int index, String messageId, String status, String reason) {

	static ItemResult of(int index, String messageId, EventSink.Outcome outcome) {
		return new ItemResult(index, messageId, outcome.id(), null);
	}

	/** An item of a batch as applied with the others. */
	static ItemResult of(int index, String messageId, EventProcessor.Result result) {
		if (result.failure() == null) {
			return of(index, messageId, result.outcome());
		}
		if (result.failure() instanceof InvalidEventException invalid) {
			return rejected(index, messageId, invalid);
		}
		return new ItemResult(index, messageId, "failed", "not applied; logged with its messageId, send it again");
	}

	static ItemResult rejected(int index, String messageId, InvalidEventException ex) {
		return new ItemResult(index, messageId, "rejected", ex.getMessage());
	}

}
