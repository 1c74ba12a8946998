package dev.encore.engine.delivery;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import dev.encore.connectors.Channel;
import dev.encore.engine.journey.JourneyProperties;
import dev.encore.engine.journey.TemplateCatalog;
import dev.encore.engine.testsupport.ChannelFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped templates in journeys/templates, rendered as a customer would get them. */
class MessageTemplatesTest {

	private final MessageTemplates templates = new MessageTemplates(
			new TemplateCatalog(new DefaultResourceLoader(),
					new JourneyProperties("classpath*:journeys/", 1, Map.of())),
			new DeliveryProperties("en", new DeliveryProperties.Email("shop@example.com", null),
					new DeliveryProperties.Sandbox(10), DeliveryProperties.UnknownPolicy.SKIP,
					new DeliveryProperties.Unsubscribe("https://shop.example/u", "test-secret")),
			ChannelFixtures.shipped());

	private static Map<String, Object> data(String firstName) {
		Map<String, Object> cart = Map.of("currency", "TWD", "products",
				List.of(Map.of("name", "烏龍茶", "quantity", 2, "price", 450)));
		return Map.of("customer", Map.of("id", "c-1", "firstName", firstName), "cart", cart);
	}

	@Test
	void rendersEveryShippedCartTemplateInEachLocale() {
		for (String template : List.of("cart-reminder", "cart-second-reminder", "cart-last-call")) {
			for (String locale : List.of("en", "zh-TW")) {
				RenderedEmail email = this.templates.renderEmail(template, locale, withSettings(data("Ada")));
				assertThat(email.subject()).as(template + " " + locale).isNotBlank().doesNotContain("{{");
				assertThat(email.html()).contains("烏龍茶").doesNotContain("{%");
				assertThat(email.text()).contains("烏龍茶").doesNotContain("<li>");
				if (!template.equals("cart-reminder")) {
					assertThat(email.html()).as(template + " " + locale + " coupon").contains("SAVE10");
				}
			}
		}
	}

	@Test
	void rendersTheShippedPushCartReminderInEachLocale() {
		for (String channel : List.of("webpush", "apppush")) {
			for (String locale : List.of("en", "zh-TW")) {
				MessageTemplates.RenderedText push = this.templates.renderText("cart-reminder", new Channel(channel),
						locale, withSettings(data("Ada")));
				assertThat(push.fields().get("title")).as(channel + " " + locale).contains("Ada");
				assertThat(push.fields().get("url")).as(channel + " " + locale).isNotBlank();
				assertThat(push.text()).as(channel + " " + locale)
					.contains("1")
					.contains("SAVE10")
					.doesNotContain("{{");
			}
		}
	}

	@Test
	void theCouponReminderNamesTheCouponOnEveryChannelAndDoesWithoutOne() {
		for (String locale : List.of("en", "zh-TW")) {
			assertThat(this.templates.renderText("cart-second-reminder", Channel.SMS, locale, withSettings(data("Ada")))
				.text()).contains("SAVE10");
			assertThat(
					this.templates.renderText("cart-second-reminder", Channel.LINE, locale, withSettings(data("Ada")))
						.text())
				.contains("SAVE10");
			assertThat(this.templates.renderEmail("cart-second-reminder", locale, data("Ada")).html()).contains("烏龍茶");
		}
	}

	@Test
	void rendersEveryShippedSmsAndLineTemplateInEachLocale() {
		for (String template : List.of("cart-reminder", "cart-second-reminder")) {
			for (String locale : List.of("en", "zh-TW")) {
				MessageTemplates.RenderedText sms = this.templates.renderText(template, Channel.SMS, locale,
						data("Ada"));
				assertThat(sms.text()).as(template + " sms " + locale)
					.contains("Ada")
					.contains("1")
					.doesNotContain("{{");
				MessageTemplates.RenderedText line = this.templates.renderText(template, Channel.LINE, locale,
						withSettings(data("Ada")));
				assertThat(line.text()).as(template + " line " + locale).contains("Ada").doesNotContain("{{");
				assertThat(line.fields()).containsKeys("title", "button", "url");
				assertThat(line.fields().get("coupon")).contains("SAVE10");
				assertThat(line.fields().get("url")).startsWith("https://");
			}
		}
	}

	@Test
	void postPurchaseTemplatesRenderAnOrderWithoutProductsOrOrderId() {
		Map<String, Object> order = Map.of("name", "Order Completed", "messageId", "m-1", "timestamp",
				"2026-11-23T09:00:00Z", "properties", Map.of("total", 20));
		Map<String, Object> data = Map.of("customer", Map.of("id", "c-1", "firstName", "Ada"), "settings",
				Map.of("reviewUrl", "https://shop.example/reviews"), "event", order);
		for (String template : List.of("order-thanks", "review-request", "review-reminder")) {
			for (String locale : List.of("en", "zh-TW")) {
				RenderedEmail email = this.templates.renderEmail(template, locale, data);
				assertThat(email.subject()).as(template + " " + locale).startsWith("Ada").doesNotContain("{{");
				assertThat(email.html()).doesNotContain("{{").doesNotContain("{%");
				if (!template.equals("order-thanks")) {
					assertThat(email.html()).contains("https://shop.example/reviews?aspect=refund-speed");
				}
			}
		}
	}

	@Test
	void rendersTheVipAndReferralTemplatesInEachLocaleWithTheCodeAndSettings() {
		Map<String, Object> data = Map.of("customer",
				Map.of("id", "c-1", "firstName", "Ada", "referralCode", "ADA-7K3Q9PXM"), "settings",
				Map.of("vipCouponCode", "VIP15", "friendDiscountPercent", "15", "thanksCouponCode", "THANKS20"));
		Map<String, String> shows = Map.of("vip-welcome", "VIP15", "referral-invite", "ADA-7K3Q9PXM",
				"referral-reminder", "ADA-7K3Q9PXM", "referral-thanks", "THANKS20");
		shows.forEach((template, expected) -> {
			for (String locale : List.of("en", "zh-TW")) {
				RenderedEmail email = this.templates.renderEmail(template, locale, data);
				assertThat(email.subject()).as(template + " " + locale).contains("Ada").doesNotContain("{{");
				assertThat(email.html()).as(template + " " + locale).contains(expected).doesNotContain("{{");
			}
		});
		assertThat(this.templates.mentions("referral-invite", Channel.EMAIL, "zh-TW", "customer.referralCode"))
			.isTrue();
		assertThat(this.templates.mentions("vip-welcome", Channel.EMAIL, "zh-TW", "customer.referralCode")).isFalse();
	}

	@Test
	void rendersTheLoyaltyEmailsInEachLocaleFromTheEventsTheyStartOn() {
		Map<String, Object> goldPerks = Map.of("freeShippingThreshold", 50, "earlyAccessHours", 24,
				"birthdayGiftPoints", 100);
		Map<String, Object> tierUp = Map.of("customer", Map.of("id", "c-1", "firstName", "Ada"), "event", Map.of("name",
				"Tier Changed", "properties", Map.of("from", "silver", "to", "gold", "perks", goldPerks)));
		assertThat(this.templates.renderEmail("tier-up", "en", tierUp)).satisfies((email) -> {
			assertThat(email.subject()).isEqualTo("Ada, you are now Gold");
			assertThat(email.html()).contains("free shipping on orders from 50", "24 hours before everyone else",
					"100 points on your birthday");
		});
		assertThat(this.templates.renderEmail("tier-up", "zh-TW", tierUp).subject()).isEqualTo("Ada，恭喜升級為金卡會員");
		// A tier with no free shipping says nothing of it.
		Map<String, Object> member = Map.of("customer", Map.of("id", "c-1", "firstName", "Ada"), "event", Map
			.of("properties", Map.of("to", "member", "perks", Map.of("earlyAccessHours", 0, "birthdayGiftPoints", 0))));
		assertThat(this.templates.renderEmail("tier-up", "en", member).html()).doesNotContain("shipping")
			.doesNotContain("early access");

		Map<String, Object> expiring = Map.of("customer", Map.of("id", "c-1", "firstName", "Ada"), "event",
				Map.of("properties", Map.of("points", 120, "expiresOn", "2027-11-23", "balance", 300)));
		assertThat(this.templates.renderEmail("points-expiry", "en", expiring)).satisfies((email) -> {
			assertThat(email.subject()).isEqualTo("Ada, 120 of your points expire on 2027-11-23");
			assertThat(email.html()).contains("You have 300 points in all");
		});
		assertThat(this.templates.renderEmail("points-expiry", "zh-TW", expiring).subject())
			.isEqualTo("Ada，您有 120 點將於 2027-11-23 到期");
	}

	@Test
	void rendersEveryShippedWinBackAndBirthdayEmailWithItsCouponInEachLocale() {
		Map<String, String> coupons = Map.of("win-back-reminder", "", "win-back-offer", "COMEBACK15",
				"win-back-last-offer", "COMEBACK25", "birthday-reward", "BIRTHDAY20");
		Map<String, Object> data = Map.of("customer", Map.of("id", "c-1", "firstName", "Ada"), "cart", Map.of(),
				"settings", Map.of("offerCouponCode", "COMEBACK15", "lastOfferCouponCode", "COMEBACK25", "couponCode",
						"BIRTHDAY20"));
		coupons.forEach((template, coupon) -> {
			for (String locale : List.of("en", "zh-TW")) {
				RenderedEmail email = this.templates.renderEmail(template, locale, data);
				assertThat(email.subject()).as(template + " " + locale).contains("Ada").doesNotContain("{{");
				assertThat(email.html()).as(template + " " + locale).contains(coupon).doesNotContain("{{");
			}
		});
	}

	private static Map<String, Object> withSettings(Map<String, Object> data) {
		Map<String, Object> copy = new java.util.HashMap<>(data);
		copy.put("settings", Map.of("couponCode", "SAVE10"));
		return copy;
	}

	@Test
	void theBrowseReminderShowsTheViewedProductAndDoesWithoutItsOptionalFields() {
		Map<String, Object> full = Map.of("name", "烏龍茶", "price", 450, "currency", "TWD", "url",
				"https://shop.example/p/oolong", "image_url", "https://cdn.example/oolong.jpg");
		for (String locale : List.of("en", "zh-TW")) {
			RenderedEmail email = this.templates.renderEmail("browse-reminder", locale, viewed(full));
			assertThat(email.subject()).as(locale).contains("Ada").contains("烏龍茶");
			assertThat(email.html()).contains("TWD 450")
				.contains("https://shop.example/p/oolong")
				.contains("https://cdn.example/oolong.jpg");
			assertThat(this.templates.renderEmail("browse-reminder", locale, viewed(Map.of("name", "烏龍茶"))).html())
				.contains("烏龍茶")
				.doesNotContain("<img");
		}
	}

	private static Map<String, Object> viewed(Map<String, Object> properties) {
		Map<String, Object> data = new java.util.HashMap<>(data("Ada"));
		data.put("event", Map.of("name", "Product Viewed", "properties", properties));
		return data;
	}

	@Test
	void rendersTheRepurchaseTemplatesWithWhatTheJourneyWorkedOut() {
		Map<String, Object> data = new java.util.HashMap<>(data("Ada"));
		data.put("settings", Map.of("couponCode", "SECOND10"));
		data.put("journey", Map.of("mainCategory", "Coffee", "complementaryUrl", "https://shop.example/brewing",
				"reorderItems", "Coffee beans × 2", "reorderLink", "https://shop.example/reorder?items=COF-1:2&x=1"));
		for (String locale : List.of("en", "zh-TW")) {
			assertThat(this.templates.renderEmail("second-purchase-recommendation", locale, data).html())
				.contains("Coffee")
				.contains("https://shop.example/brewing");
			assertThat(this.templates.renderEmail("second-purchase-coupon", locale, data).html()).contains("SECOND10");
			RenderedEmail reminder = this.templates.renderEmail("replenishment-reminder", locale, data);
			assertThat(reminder.subject()).as(locale).contains("Ada");
			assertThat(reminder.html()).contains("Coffee beans × 2")
				.contains("href=\"https://shop.example/reorder?items=COF-1:2&amp;x=1\"");
		}
	}

	@Test
	void withoutAMainCategoryTheRecommendationStillReads() {
		Map<String, Object> data = new java.util.HashMap<>(data("Ada"));
		data.put("journey", Map.of("mainCategory", "", "complementaryUrl", "https://shop.example/best"));

		assertThat(this.templates.renderEmail("second-purchase-recommendation", "en", data).html())
			.contains("Customers who bought what you chose also love these");
	}

	@Test
	void missingVariableIsAnErrorNamingItNotABlank() {
		assertThatThrownBy(() -> this.templates.renderInline("Hi {{ customer.nickname }}", data("Ada")))
			.isInstanceOf(TemplateRenderException.class)
			.hasMessageContaining("customer.nickname");
		assertThatThrownBy(() -> this.templates.renderText("cart-reminder", Channel.SMS, "en",
				Map.of("customer", Map.of("id", "c-1"), "cart", Map.of())))
			.isInstanceOfSatisfying(TemplateRenderException.class,
					(ex) -> assertThat(ex.getCause()).isInstanceOfSatisfying(MissingVariableException.class,
							(missing) -> assertThat(missing.variable()).isEqualTo("cart.products.size")));
		// Known optional fields are fine when absent: default and if handle them.
		assertThat(this.templates.renderInline("{{ customer.lastName | default: 'x' }}{% if cart.url %}!{% endif %}",
				data("Ada")))
			.isEqualTo("x");
	}

	@Test
	void templatesReachLiquidDataOnlyNeverJavaObjectsOrFiles() {
		Map<String, Object> data = new java.util.HashMap<>(data("Ada"));
		// Even a Java object slipped into the data shows no methods or class to a
		// template.
		data.put("clock", java.time.Clock.systemUTC());
		for (String probe : new String[] { "{{ customer.class.name }}", "{{ customer.getClass }}",
				"{{ clock.class.classLoader }}", "{{ clock.zone.rules }}" }) {
			assertThatThrownBy(() -> this.templates.renderInline(probe, data)).as(probe)
				.isInstanceOf(TemplateRenderException.class);
		}
		for (String probe : new String[] { "{% include '/etc/passwd' %}", "{% include '../../../../../etc/passwd' %}",
				"{% render '/etc/hostname' %}" }) {
			String rendered;
			try {
				rendered = this.templates.renderInline(probe, data);
			}
			catch (TemplateRenderException ex) {
				rendered = "";
			}
			assertThat(rendered).as(probe).doesNotContain("root:");
		}
	}

	@Test
	void concurrentRendersOfOneTemplateAllSucceed() throws Exception {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<String>> renders = new java.util.ArrayList<>();
			for (int i = 0; i < 400; i++) {
				String name = "Ada" + i;
				renders.add(pool.submit(() -> this.templates.renderEmail("cart-reminder", "en", data(name)).html()));
			}
			for (int i = 0; i < renders.size(); i++) {
				assertThat(renders.get(i).get()).contains("Ada" + i).contains("烏龍茶");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void customerLocalePicksTheTemplateAndFallsBackToTheShopDefault() {
		assertThat(this.templates.renderEmail("cart-reminder", "zh-TW", data("小美")).subject())
			.isEqualTo("小美，您的購物車還在等您");
		assertThat(this.templates.renderEmail("cart-reminder", "fr-CA", data("Ada")).subject())
			.isEqualTo("Ada, your cart is waiting");
		assertThat(this.templates.fallbackChain("zh_TW")).containsExactly("zh-TW", "zh", "en");
	}

	@Test
	void markupInCustomerDataIsEscapedInHtmlButNotInTheSubject() {
		RenderedEmail email = this.templates.renderEmail("cart-reminder", "en", data("<script>alert(1)</script>"));

		assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;");
		assertThat(email.subject()).startsWith("<script>");
	}

	@Test
	void unknownTemplateIsAClearError() {
		assertThatThrownBy(() -> this.templates.renderEmail("no-such-template", "en", data("Ada")))
			.isInstanceOf(TemplateNotFoundException.class)
			.hasMessageContaining("no-such-template");
	}

	@Test
	void plainTextKeepsLinesAndLinkTargets() {
		String text = PlainText.fromHtml(
				"<p>Hi Ada,</p><ul><li>Shirt</li><li>Socks</li></ul><p><a href=\"https://shop.example/cart\">Complete</a></p>");

		assertThat(text).isEqualTo("Hi Ada,\nShirt\nSocks\nComplete (https://shop.example/cart)\n");
	}

}
