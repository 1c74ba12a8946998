package dev.encore.engine.analytics;

import java.io.File;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.encore.engine.testsupport.E2eScripts;
import dev.encore.engine.testsupport.EncoreNode;
import dev.encore.engine.testsupport.LoyaltyFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loyalty dashboard in a real browser (Debian's chromium, driven by playwright-core
 * from {@code src/test/e2e}) on a running Encore with a shop of 2019: every chart drawn
 * with data, the CLV model fitted, no error in the console. Its screenshot is
 * {@code docs/screenshots/loyalty-dashboard.png} (with {@code -Dencore.screenshots.dir}).
 */
@Tag("browser")
@DisabledIfSystemProperty(named = "encore.skip-browser-tests", matches = "true")
class LoyaltyPageBrowserTest {

	private static final String[] TIERS = { "member", "silver", "gold", "vip" };

	@Test
	void marketerSeesEveryChartDrawn() throws Exception {
		assertThat(new File("/usr/bin/chromium")).as("Debian chromium (.ci/run installs it)").exists();
		try (EncoreNode node = EncoreNode.startEmbedded("loyalty-browser", Map.of())) {
			shop(new LoyaltyFixtures(node.bean(JdbcTemplate.class)), new Random(26));
			String output = E2eScripts.run("loyalty-page.mjs", node.baseUrl(), "marketer", "test-password",
					"from=2019-01-01&to=2019-08-31", System.getProperty("encore.screenshots.dir", ""));
			assertThat(output).contains("loyalty dashboard: OK");
		}
	}

	/**
	 * 120 customers who first buy in the first half of 2019, some again; tiers climb with
	 * orders, a third answer NPS and review, all get an email and visit.
	 */
	private static void shop(LoyaltyFixtures shop, Random random) {
		for (int i = 0; i < 120; i++) {
			String customer = "shop-" + i;
			LocalDate day = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(180));
			int tier = 0;
			shop.tierChange(customer, null, TIERS[0], day.toString());
			double loyalty = random.nextDouble();
			// Each customer spends around a level of their own, as the spend model
			// expects.
			double level = 30 + random.nextInt(150);
			for (int order = 0; !day.isAfter(LocalDate.of(2019, 8, 31)); order++) {
				double total = Math.round(level * (0.6 + 0.8 * random.nextDouble()));
				shop.order(customer, customer + "-o" + order, total, day.toString());
				if (order % 2 == 1 && tier < TIERS.length - 1) {
					shop.tierChange(customer, TIERS[tier], TIERS[++tier], day.toString());
				}
				if (random.nextDouble() > loyalty) {
					break;
				}
				day = day.plusDays(5 + random.nextInt(60));
			}
			shop.message(customer, "email", "sent", "2019-06-01").event(customer, "Site Visited", "2019-06-02");
			if (i % 2 == 0) {
				shop.event(customer, "Email Opened", "2019-06-02").event(customer, "Site Visited", "2019-06-09");
			}
			if (i % 5 == 0) {
				shop.event(customer, "Email Link Clicked", "2019-06-02");
			}
			if (i % 3 == 0) {
				shop.nps(customer, 4 + random.nextInt(7), "2019-07-01")
					.review(customer, 1 + random.nextInt(5),
							new Integer[] { 1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5),
									1 + random.nextInt(5), 1 + random.nextInt(5) },
							"2019-07-02");
			}
		}
	}

}
