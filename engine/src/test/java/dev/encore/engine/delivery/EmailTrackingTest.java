package dev.encore.engine.delivery;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.encore.engine.event.EventHistory;
import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Encore sees its own email's engagement: the mail as the SMTP server received it has its
 * web links rewritten to signed redirects and an open pixel; following them, with no
 * login, emits {@code Email Opened} (once per send) and {@code Email Link Clicked} and
 * answers the picture and the redirect. A token altered or signed for another address
 * scheme emits nothing.
 */
class EmailTrackingTest extends JourneyScenarioTest {

	private static final String BASE = "https://encore.shop.example.com";

	private static final Pattern TRACKED = Pattern.compile(Pattern.quote(BASE) + "(/t/[co]/[A-Za-z0-9_.-]+)");

	@Autowired
	private EventHistory events;

	@Autowired
	private TrackingLinks links;

	@DynamicPropertySource
	static void tracking(DynamicPropertyRegistry registry) {
		registry.add("encore.tracking.base-url", () -> BASE + "/");
		registry.add("encore.tracking.secret", () -> "test-tracking-secret");
	}

	@Test
	void linksAndPixelInTheReceivedMailEmitEngagementAndLeadOn() throws Exception {
		String customer = customer();
		event(TestEvents.track("Review Submitted", customer).with("rating", 1));
		String html = html(mailTo(customer, "ServiceRecovery").get(0));

		assertThat(html).doesNotContain("href=\"https://shop.example.com/support\"")
			.contains("href=\"mailto:support@shop.example.com\"");
		List<String> paths = tracked(html);
		String click = paths.stream().filter((path) -> path.startsWith("/t/c/")).findFirst().orElseThrow();
		String open = paths.stream().filter((path) -> path.startsWith("/t/o/")).findFirst().orElseThrow();
		assertThat(html).contains("<img src=\"" + BASE + open + "\" width=\"1\" height=\"1\"");

		for (int i = 0; i < 2; i++) {
			this.mvc.perform(get(open).with(anonymous()))
				.andExpect(status().isOk())
				.andExpect(content().contentType("image/gif"))
				.andExpect(header().string("Cache-Control", "no-store"));
		}
		this.mvc.perform(get(click).with(anonymous()))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", "https://shop.example.com/support"));

		List<EventHistory.RecordedEvent> seen = engagement(customer);
		assertThat(seen).extracting(EventHistory.RecordedEvent::name)
			.as("the second open of the same send counts once")
			.containsExactly("Email Opened", "Email Link Clicked");
		MessageLog.Entry apology = steps(customer, "ServiceRecovery").get(0);
		String sendKey = apology.processInstanceId() + ":" + apology.activityId();
		assertThat(seen.get(0).properties()).containsEntry("sendKey", sendKey)
			.containsEntry("journey", "ServiceRecovery");
		assertThat(seen.get(1).properties()).containsEntry("sendKey", sendKey)
			.containsEntry("journey", "ServiceRecovery")
			.containsEntry("url", "https://shop.example.com/support");
	}

	@Test
	void anAlteredOrForeignTokenIsNotFoundAndEmitsNothing() throws Exception {
		String customer = newCustomerId();
		TrackingLinks.Tracked send = TrackingLinks.Tracked.send(customer, "p-1:SendTask", "ServiceRecovery");
		String click = path(this.links.click(send, "https://shop.example.com/cart"));
		String other = path(this.links.click(TrackingLinks.Tracked.send("c-other", "p-1:SendTask", "ServiceRecovery"),
				"https://shop.example.com/cart"));
		// Another customer's payload under this one's signature.
		String tampered = other.substring(0, other.indexOf('.')) + click.substring(click.indexOf('.'));

		for (String path : List.of(tampered, click + "x", "/t/c/nonsense", "/t/o/" + click.substring(5),
				path(this.links.click(send, "javascript:alert(1)")))) {
			this.mvc.perform(get(path).with(anonymous())).andExpect(status().isNotFound());
		}
		this.mvc.perform(post(click).with(anonymous())).andExpect(status().isForbidden());
		assertThat(engagement(customer)).isEmpty();
		assertThat(engagement("c-other")).isEmpty();
	}

	private List<EventHistory.RecordedEvent> engagement(String customer) {
		return this.events.forCustomer(customer)
			.stream()
			.filter((event) -> event.name() != null && event.name().startsWith("Email "))
			.toList();
	}

	private static List<String> tracked(String html) {
		Matcher matcher = TRACKED.matcher(html);
		List<String> paths = new java.util.ArrayList<>();
		while (matcher.find()) {
			paths.add(matcher.group(1));
		}
		return paths;
	}

	private static String path(String link) {
		return link.substring(BASE.length());
	}

}
