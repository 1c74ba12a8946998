package dev.encore.engine.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the endpoints anyone may call without a login ({@code encore.web.*}).
 *
 * @param maxBodySize largest request body of the provider webhooks and unsubscribe links
 * (intake has Segment's own limits, {@code encore.intake.max-event-size} and
 * {@code max-batch-size}): a bigger declared Content-Length gets 413 unread, a chunked
 * body 413 at the limit
 */
@ConfigurationProperties("encore.web")
record RequestLimits(@DefaultValue("1MB") DataSize maxBodySize) {

}
