package dev.encore.engine.delivery;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.encore.connectors.EmailContent;
import dev.encore.engine.channel.ComposedMessage;

/**
 * Lets Encore see its own email's engagement: every http(s) link of the HTML body but the
 * unsubscribe link goes through a signed redirect, and a 1×1 pixel counts the open
 * ({@link TrackingLinks}, {@code TrackingController}). The plain-text part is left as it
 * is. Off with {@code encore.tracking.enabled=false} or without a public base URL.
 */
@Component
class EmailTracking {

	private static final Pattern HREF = Pattern.compile("(<a\\s[^>]*?href\\s*=\\s*)([\"'])(.*?)\\2",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern BODY_END = Pattern.compile("</body\\s*>", Pattern.CASE_INSENSITIVE);

	private final TrackingLinks links;

	private final boolean active;

	private final String unsubscribeBase;

	EmailTracking(TrackingLinks links, TrackingProperties properties, DeliveryProperties delivery) {
		this.links = links;
		this.active = properties.active();
		this.unsubscribeBase = delivery.unsubscribe().baseUrl();
	}

	/**
	 * The message with its email's links tracked and the pixel added, if tracking is on.
	 */
	ComposedMessage track(ComposedMessage message, SendAttempt attempt) {
		if (!this.active || !(message.content() instanceof EmailContent email) || email.html().isBlank()) {
			return message;
		}
		TrackingLinks.Tracked send = TrackingLinks.Tracked.send(attempt.customerId(), attempt.sendKey(),
				attempt.journeyKey());
		String html = withPixel(withTrackedLinks(email.html(), send), send);
		return new ComposedMessage(message.subject(), message.preview(),
				new EmailContent(email.subject(), html, email.text(), email.headers()));
	}

	private String withTrackedLinks(String html, TrackingLinks.Tracked send) {
		Matcher links = HREF.matcher(html);
		StringBuilder tracked = new StringBuilder();
		while (links.find()) {
			// Attribute values are HTML: &amp; in the markup is & in the address.
			String url = links.group(3).strip().replace("&amp;", "&");
			String scheme = url.toLowerCase(Locale.ROOT);
			boolean web = scheme.startsWith("http://") || scheme.startsWith("https://");
			// An unsubscribe must work even when tracking is down: never redirected.
			String href = web && !url.startsWith(this.unsubscribeBase) ? this.links.click(send, url) : links.group(3);
			links.appendReplacement(tracked,
					Matcher.quoteReplacement(links.group(1) + links.group(2) + href + links.group(2)));
		}
		return links.appendTail(tracked).toString();
	}

	private String withPixel(String html, TrackingLinks.Tracked send) {
		String pixel = "<img src=\"" + this.links.open(send)
				+ "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">";
		Matcher end = BODY_END.matcher(html);
		return end.find() ? html.substring(0, end.start()) + pixel + html.substring(end.start()) : html + pixel;
	}

}
