package dev.encore.engine.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.encore.engine.event.EventSink;
import dev.encore.engine.event.InvalidEventException;

/**
 * What became of one item of a batch.
 *
 * @param status {@code accepted}, {@code duplicate}, {@code rejected} (nothing stored) or
 * {@code ignored} (a call type Encore does not use, e.g. Segment {@code page})
 * @param reason why an item was rejected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ItemResult(int index, String messageId, String status, String reason) {

	static ItemResult of(int index, String messageId, EventSink.Outcome outcome) {
		return new ItemResult(index, messageId, outcome.id(), null);
	}

	static ItemResult rejected(int index, String messageId, InvalidEventException ex) {
		return new ItemResult(index, messageId, "rejected", ex.getMessage());
	}

}
