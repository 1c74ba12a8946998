package dev.encore.engine.delivery;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.encore.connectors.EmailContent;
import dev.encore.engine.channel.ComposedMessage;
import dev.encore.engine.channel.EmailChannel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which links of an email's HTML are tracked: web links only, never the unsubscribe link,
 * the address as the mail client would follow it; nothing at all when tracking is off.
 */
class EmailTrackingRewriteTest {

	private static final String UNSUBSCRIBE = "https://shop.example.com/encore/unsubscribe";

	private static final SendAttempt ATTEMPT = new SendAttempt("p-1:SendTaskApologyEmail", "c-1", "ServiceRecovery",
			"p-1", "SendTaskApologyEmail", new EmailChannel(), "service-apology", null, null, null, null);

	private static final String HTML = """
			<html><body><a href="https://shop.example.com/cart?a=1&amp;b=2">cart</a>
			<A class="x" HREF='http://shop.example.com/help'>help</A> <a href="mailto:help@example.com">mail</a>
			<a href="%s/abc">unsubscribe</a> <a href="#top">top</a></body></html>""".formatted(UNSUBSCRIBE);

	@Test
	void webLinksAreSignedRedirectsAndThePixelComesBeforeTheBodyEnds() {
		TrackingLinks links = links(true);
		String html = html(new EmailTracking(links, properties(true), delivery()));
		TrackingLinks.Tracked send = TrackingLinks.Tracked.send("c-1", "p-1:SendTaskApologyEmail", "ServiceRecovery");

		assertThat(html).contains("href=\"" + links.click(send, "https://shop.example.com/cart?a=1&b=2") + "\"")
			.contains("HREF='" + links.click(send, "http://shop.example.com/help") + "'")
			.contains("href=\"mailto:help@example.com\"", "href=\"" + UNSUBSCRIBE + "/abc\"", "href=\"#top\"")
			.endsWith("<img src=\"" + links.open(send)
					+ "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\"></body></html>");
		String click = links.click(send, "https://x.example");
		assertThat(links.verify(click.substring(click.lastIndexOf('/') + 1), TrackingLinks.Tracked.CLICK)).get()
			.extracting(TrackingLinks.Tracked::customerId, TrackingLinks.Tracked::url)
			.containsExactly("c-1", "https://x.example");
	}

	@Test
	void switchedOffOrWithoutABaseUrlTheMailIsLeftAsItIs() {
		assertThat(html(new EmailTracking(links(false), properties(false), delivery()))).isEqualTo(HTML);
		TrackingProperties noBase = new TrackingProperties(true, "", "secret");
		assertThat(html(new EmailTracking(new TrackingLinks(noBase), noBase, delivery()))).isEqualTo(HTML);
	}

	private static String html(EmailTracking tracking) {
		ComposedMessage message = new ComposedMessage("Sorry", "text",
				new EmailContent("Sorry", HTML, "text", Map.of()));
		return ((EmailContent) tracking.track(message, ATTEMPT).content()).html();
	}

	private static TrackingLinks links(boolean enabled) {
		return new TrackingLinks(properties(enabled));
	}

	private static TrackingProperties properties(boolean enabled) {
		return new TrackingProperties(enabled, "https://encore.example.com/", "test-secret");
	}

	private static DeliveryProperties delivery() {
		return new DeliveryProperties("en", new DeliveryProperties.Email("shop@example.com", "Shop"),
				new DeliveryProperties.Sandbox(100), DeliveryProperties.UnknownPolicy.SKIP,
				new DeliveryProperties.Unsubscribe(UNSUBSCRIBE, null));
	}

}
