package dev.encore.engine.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the endpoints anyone may call without a login ({@code encore.web.*}).
 *
 * @param maxBodySize largest request body of the provider webhooks and unsubscribe links
 * (intake has Segment's own limits, {@code encore.intake.max-event-size} and
 * {@code max-batch-size})
 */
@ConfigurationProperties("encore.web")
record RequestLimits(DataSize maxBodySize) {

	RequestLimits {
		maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
	}

}
