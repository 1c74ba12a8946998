package dev.encore.connectors.onsite;

/**
 * Where on-site messages are kept until the storefront reads them: the engine's store.
 */
public interface Inbox {

	/**
	 * Puts the message into the customer's inbox; the same id again replaces it (a resent
	 * step).
	 */
	void put(String customerId, String messageId, InboxContent message);

}
