package dev.encore.engine.delivery;

import java.util.Locale;

/**
 * Set on each send task by the element template ({@code messageType}). Transactional
 * messages (order and account service) skip frequency caps and quiet hours.
 */
enum MessageType {

	MARKETING, TRANSACTIONAL;

	static MessageType fromInput(Object value) {
		if (value == null || value.toString().isBlank()) {
			return MARKETING;
		}
		return valueOf(value.toString().strip().toUpperCase(Locale.ROOT));
	}

}
