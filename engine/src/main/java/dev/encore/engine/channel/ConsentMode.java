package dev.encore.engine.channel;

/**
 * {@code opt-in}: a granted consent is required for marketing; {@code opt-out}: marketing
 * goes unless the customer withdrew.
 */
public enum ConsentMode {

	OPT_IN, OPT_OUT

}
