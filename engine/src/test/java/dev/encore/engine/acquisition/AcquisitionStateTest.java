package dev.encore.engine.acquisition;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventNames;
import dev.encore.engine.event.EventType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Touches read from events the way storefronts send them, and what the profile keeps of
 * them: first, last non-direct, visits per source.
 */
class AcquisitionStateTest {

	private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

	private static final AcquisitionProperties PROPERTIES = new AcquisitionProperties(3, 40, Duration.ofMinutes(30),
			List.of("google", "bing", "yahoo"));

	private final Touches touches = new Touches(PROPERTIES);

	@Test
	void segmentsCampaignContextComesBeforeUtmPropertiesAndTheUrlsQuery() {
		Touch touch = this.touches.of(event(T0,
				Map.of("campaign",
						Map.of("source", "Newsletter", "medium", "EMAIL", "name", "Spring Sale", "term", "linen",
								"content", "hero"),
						"page", Map.of("url", "https://shop.example.com/linen?utm_source=ig&email=ada@example.org#top",
								"referrer", "https://mail.example.net/inbox?id=7")),
				Map.of("utm_source", "facebook")));

		assertThat(touch).isEqualTo(new Touch("newsletter", "email", "Spring Sale", "linen", "hero",
				"https://mail.example.net/inbox", "https://shop.example.com/linen", T0));
	}

	@Test
	void utmPropertiesAndTheUrlsQueryTagAVisitWithoutContext() {
		Touch fromProperties = this.touches.of(event(T0, Map.of(),
				Map.of("url", "https://shop.example.com/?utm_source=ig&utm_medium=social", "utm_source", "tiktok")));
		Touch fromUrl = this.touches.of(event(T0, Map.of(), Map.of("url",
				"https://shop.example.com/?utm_source=ig&utm_medium=social&utm_campaign=Black%20Friday")));

		assertThat(fromProperties).extracting(Touch::source, Touch::medium).containsExactly("tiktok", "social");
		assertThat(fromUrl).extracting(Touch::source, Touch::medium, Touch::campaign)
			.containsExactly("ig", "social", "Black Friday");
	}

	@Test
	void withoutCampaignTheReferrerDecidesAsGoogleAnalyticsDoes() {
		assertThat(referredBy("https://www.google.com.tw/search?q=linen")).containsExactly("google", "organic");
		assertThat(referredBy("https://search.yahoo.co.jp/")).containsExactly("yahoo", "organic");
		assertThat(referredBy("https://www.styleblog.example/post/1")).containsExactly("styleblog.example", "referral");
		assertThat(referredBy(null)).containsExactly("direct", "none");
		// Moving from page to page in the shop is no new arrival.
		assertThat(referredBy("https://shop.example.com/cart")).containsExactly("direct", "none");
		assertThat(this.touches
			.of(event(T0, Map.of(), Map.of("url", "https://shop.example.com/?gclid=abc", "referrer", "https://x.y/"))))
			.extracting(Touch::source, Touch::medium)
			.containsExactly("google", "cpc");
	}

	@Test
	void anEventWithoutAPageIsNoTouchNorIsOneEncoreMadeItself() {
		assertThat(this.touches.of(event(T0, Map.of(), Map.of("order_id", "o-1", "total", 49)))).isNull();
		assertThat(this.touches.of(new CustomerEvent("m-1", EventType.TRACK, "Tier Changed", "c-1", T0,
				Map.of("utm_source", "x"), Map.of(), EventNames.INTERNAL_SOURCE)))
			.isNull();
	}

	@Test
	void storefrontsSendAnythingSoValuesAreCutAndCleaned() {
		Touch touch = this.touches
			.of(event(T0, Map.of("campaign", Map.of("source", "x".repeat(500), "medium", "e\u0000mail", "name", 2026),
					"page", Map.of("url", "not a url at all", "referrer", 42)), Map.of()));

		assertThat(touch.source()).hasSize(40);
		assertThat(touch.medium()).isEqualTo("email");
		assertThat(touch.campaign()).isEqualTo("2026");
		assertThat(touch.landingPage()).isNull();
		assertThat(touch.referrer()).isNull();
		assertThat(this.touches.of(event(T0,
				Map.of("page", Map.of("url", "https://ada:secret@Shop.example.com:8443/p?token=x#y")), Map.of())))
			.extracting(Touch::landingPage)
			.isEqualTo("https://shop.example.com:8443/p");
	}

	@Test
	void aDirectVisitNeverTakesTheCreditFromTheLastCampaignButIsCountedAsAVisit() {
		AcquisitionState state = AcquisitionState.NONE.seen(touch("direct", T0), gap(), 3)
			.seen(touch("newsletter", T0.plus(Duration.ofHours(1))), gap(), 3)
			.seen(touch("direct", T0.plus(Duration.ofDays(1))), gap(), 3);

		assertThat(state.first().source()).isEqualTo("direct");
		assertThat(state.last().source()).isEqualTo("newsletter");
		assertThat(state.sources()).containsExactlyInAnyOrderEntriesOf(Map.of("direct", 2, "newsletter", 1));
	}

	@Test
	void theSameTouchWithinTheVisitGapIsOneVisitAndADifferentCampaignIsANewOne() {
		AcquisitionState state = AcquisitionState.NONE.seen(touch("google", T0), gap(), 3)
			.seen(touch("google", T0.plus(Duration.ofMinutes(20))), gap(), 3)
			.seen(touch("direct", T0.plus(Duration.ofMinutes(45))), gap(), 3)
			.seen(touch("bing", T0.plus(Duration.ofMinutes(50))), gap(), 3)
			.seen(touch("google", T0.plus(Duration.ofHours(3))), gap(), 3);

		assertThat(state.sources()).containsExactlyInAnyOrderEntriesOf(Map.of("google", 2, "bing", 1));
		assertThat(state.last()).extracting(Touch::source, Touch::at)
			.containsExactly("google", T0.plus(Duration.ofHours(3)));
	}

	@Test
	void theNextPagesOfAVisitWithinAMinuteChangeNothingSoTheProfileIsNotWritten() {
		AcquisitionState visit = AcquisitionState.NONE.seen(touch("google", T0), gap(), 3);

		assertThat(visit.seen(touch("direct", T0.plusSeconds(40)), gap(), 3)).isEqualTo(visit);
		assertThat(visit.seen(touch("google", T0.plusSeconds(50)), gap(), 3)).isEqualTo(visit);
		assertThat(visit.seen(touch("direct", T0.plusSeconds(90)), gap(), 3).seenAt()).isEqualTo(T0.plusSeconds(90));
	}

	@Test
	void aTouchThatArrivesLateIsFirstIfEarlierButDoesNotReplaceALaterLast() {
		AcquisitionState state = AcquisitionState.NONE.seen(touch("bing", T0), gap(), 3)
			.seen(touch("newsletter", T0.minus(Duration.ofDays(2))), gap(), 3);

		assertThat(state.first().source()).isEqualTo("newsletter");
		assertThat(state.last().source()).isEqualTo("bing");
	}

	@Test
	void distinctSourcesAreCappedWithTheRestCountedAsOther() {
		AcquisitionState state = AcquisitionState.NONE;
		String[] sources = { "a", "b", "c", "d", "a" };
		for (int i = 0; i < sources.length; i++) {
			state = state.seen(touch(sources[i], T0.plus(Duration.ofHours(i))), gap(), 3);
		}

		Map<String, Integer> expected = new LinkedHashMap<>();
		expected.put("a", 2);
		expected.put("b", 1);
		expected.put("other", 2);
		assertThat(state.sources()).containsExactlyEntriesOf(expected);
	}

	private List<Object> referredBy(String referrer) {
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("url", "https://www.shop.example.com/");
		if (referrer != null) {
			page.put("referrer", referrer);
		}
		Touch touch = this.touches.of(event(T0, Map.of("page", page), Map.of()));
		return List.of(touch.source(), touch.medium());
	}

	private static Duration gap() {
		return PROPERTIES.visitGap();
	}

	private static Touch touch(String source, Instant at) {
		return new Touch(source, source.equals("direct") ? "none" : "x", null, null, null, null, null, at);
	}

	private static CustomerEvent event(Instant at, Map<String, Object> context, Map<String, Object> properties) {
		return new CustomerEvent("m-" + at, EventType.TRACK, "Site Visited", "c-1", at, properties, Map.of(), "http",
				context);
	}

}
