package dev.encore.engine.analytics;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.LoyaltyFixtures;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shop's loyalty numbers on a small shop whose figures are worked out by hand below.
 * The fixture lives in 2019, a period no other test writes to, and every query names it.
 *
 * <pre>
 * orders (shop currency USD unless named; midday UTC)
 *   A  2018-12-31 500 (before the period)  01-10 100  02-05 50  04-20 30
 *   B  01-20 80  01-25 40 refunded in full
 *   C  02-14 60 (20 refunded)  05-02 70 EUR
 *   D  03-03 200 refunded in full: not a buyer
 *   E  02-28 90
 * </pre>
 */
class LoyaltyFiguresApiTest extends EncoreIntegrationTest {

	private static final String PERIOD = "/api/v1/analytics/loyalty?from=2019-01-01&to=2019-08-31";

	@Autowired
	private JdbcTemplate db;

	private String a;

	private String b;

	private String c;

	private String d;

	private String e;

	private String f;

	@BeforeEach
	void shop() {
		this.a = newCustomerId();
		this.b = newCustomerId();
		this.c = newCustomerId();
		this.d = newCustomerId();
		this.e = newCustomerId();
		this.f = newCustomerId();
		// The database outlives a test: clear what an earlier one wrote to the fixture's
		// years.
		Timestamp before = Timestamp.from(Instant.parse("2020-01-01T00:00:00Z"));
		this.db.update("DELETE FROM encore_order WHERE placed_at < ?", before);
		this.db.update("DELETE FROM encore_nps WHERE submitted_at < ?", before);
		this.db.update("DELETE FROM encore_review WHERE submitted_at < ?", before);
		this.db.update("DELETE FROM encore_tier_change WHERE changed_at < ?", before);
		this.db.update("DELETE FROM encore_event WHERE occurred_at < ?", before);
		this.db.update("DELETE FROM encore_message_log WHERE created_at < ?", before);
		new LoyaltyFixtures(this.db).order(this.a, "o-a0", 500, "2018-12-31")
			.order(this.a, "o-a1", 100, "2019-01-10")
			.order(this.a, "o-a2", 50, "2019-02-05")
			.order(this.a, "o-a3", 30, "2019-04-20")
			.order(this.b, "o-b1", 80, "2019-01-20")
			.order(this.b, "o-b2", 40, "USD", "2019-01-25", 40)
			.order(this.c, "o-c1", 60, "USD", "2019-02-14", 20)
			.order(this.c, "o-c2", 70, "EUR", "2019-05-02", 0)
			.order(this.d, "o-d1", 200, null, "2019-03-03", 200)
			.order(this.e, "o-e1", 90, "2019-02-28");
	}

	@Test
	void purchaseFiguresCountOrdersThatStillCount() throws Exception {
		period().andExpect(status().isOk())
			// buyers A, B, C, E (D's only order was refunded); A and C bought twice.
			.andExpect(jsonPath("$.buyers").value(4))
			.andExpect(jsonPath("$.repeatBuyers").value(2))
			.andExpect(jsonPath("$.repurchaseRate").value(0.5))
			// counted orders: A 3, B 1, C 2, E 1 = 7 over 4 buyers.
			.andExpect(jsonPath("$.orders").value(7))
			.andExpect(jsonPath("$.purchaseFrequency").value(1.75))
			// USD counted orders: (100 + 50 + 30 + 80 + 60 + 90) / 6 = 410 / 6 = 68.33.
			.andExpect(jsonPath("$.averageOrderValue").value(68.33))
			// net USD: A 180 + B 80 + 0 + C 60 - 20 + D 0 + E 90 = 390; C's EUR order is
			// left out.
			.andExpect(jsonPath("$.netRevenue").value(390.00))
			.andExpect(jsonPath("$.ordersInOtherCurrencies.EUR").value(1))
			// 390 over the 4 buyers with a USD order.
			.andExpect(jsonPath("$.clv.historical").value(97.50))
			// 4 buyers are too few to fit the model (20 by default).
			.andExpect(jsonPath("$.clv.predicted").doesNotExist())
			.andExpect(jsonPath("$.clv.note").exists())
			.andExpect(jsonPath("$.currency").value("USD"));
	}

	@Test
	void churnedBuyersLastBoughtMoreThanChurnAfterBeforeThePeriodsEnd() throws Exception {
		// The period ends 2019-09-01; 180 days before is 2019-03-05. Last counted orders:
		// A 04-20,
		// B 01-20 (churned), C 05-02, E 02-28 (churned): 2 of 4.
		period().andExpect(jsonPath("$.churnedBuyers").value(2))
			.andExpect(jsonPath("$.churnRate").value(0.5))
			.andExpect(jsonPath("$.churnAfterDays").value(180));
	}

	@Test
	void cohortsByFirstOrderMonthWithTheirRepurchaseCurve() throws Exception {
		// January: A (again 02-05, within a month) and B (never again). February: C
		// (again 05-02,
		// within 3 months of 02-14, not 2) and E. The period ends 2019-09-01: January's
		// cohort has
		// lived 7 whole months since its last day, February's 6.
		period().andExpect(jsonPath("$.cohorts.length()").value(2))
			.andExpect(jsonPath("$.cohorts[0].month").value("2019-01"))
			.andExpect(jsonPath("$.cohorts[0].customers").value(2))
			.andExpect(jsonPath("$.cohorts[0].repurchaseRate").value(0.5))
			// 4 counted orders (A 3, B 1) over 2; (100 + 50 + 30 + 80) / 4 = 65; net (180
			// + 80) / 2 = 130.
			.andExpect(jsonPath("$.cohorts[0].purchaseFrequency").value(2.0))
			.andExpect(jsonPath("$.cohorts[0].averageOrderValue").value(65.00))
			.andExpect(jsonPath("$.cohorts[0].valuePerCustomer").value(130.00))
			.andExpect(jsonPath("$.cohorts[0].repurchaseCurve").value(contains(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5)))
			.andExpect(jsonPath("$.cohorts[1].month").value("2019-02"))
			// 3 counted orders over 2; USD (60 + 90) / 2 = 75; net (40 + 90) / 2 = 65.
			.andExpect(jsonPath("$.cohorts[1].purchaseFrequency").value(1.5))
			.andExpect(jsonPath("$.cohorts[1].averageOrderValue").value(75.00))
			.andExpect(jsonPath("$.cohorts[1].valuePerCustomer").value(65.00))
			.andExpect(jsonPath("$.cohorts[1].repurchaseCurve").value(contains(0.0, 0.0, 0.5, 0.5, 0.5, 0.5)));
	}

	@Test
	void monthlyFiguresFollowTheOrders() throws Exception {
		// January: A 100, B 80, B 40 refunded; February: A 50, C 60 (-20), E 90 (C and E
		// new);
		// March: D's refunded order only; April: A 30; May: C's EUR order.
		period()
			.andExpect(jsonPath("$.monthly[*].month")
				.value(contains("2019-01", "2019-02", "2019-03", "2019-04", "2019-05")))
			.andExpect(jsonPath("$.monthly[*].orders").value(contains(2, 3, 0, 1, 1)))
			.andExpect(jsonPath("$.monthly[*].newBuyers").value(contains(2, 2, 0, 0, 0)))
			.andExpect(jsonPath("$.monthly[1].repurchaseRate", closeTo(1.0 / 3, 1e-9)))
			.andExpect(jsonPath("$.monthly[*].netRevenue").value(contains(180.0, 180.0, 0.0, 30.0, 0.0)))
			// February: (50 + 60 + 90) / 3 = 66.67.
			.andExpect(jsonPath("$.monthly[1].averageOrderValue").value(66.67));
	}

	@Test
	void npsCountsEachCustomersLatestAnswerInThePeriod() throws Exception {
		new LoyaltyFixtures(this.db).nps(this.a, 3, "2019-02-01")
			.nps(this.a, 10, "2019-03-01")
			.nps(this.b, 8, "2019-03-02")
			.nps(this.c, 6, "2019-03-03")
			.nps(this.e, 9, "2019-03-04")
			.nps(this.f, 2, "2018-12-15")
			.nps(this.d, 0, "2019-10-01");
		// A 10 and E 9 promote, B 8 is passive, C 6 detracts: 100 × (2 - 1) / 4 = 25.
		period().andExpect(jsonPath("$.nps.responses").value(4))
			.andExpect(jsonPath("$.nps.promoters").value(2))
			.andExpect(jsonPath("$.nps.passives").value(1))
			.andExpect(jsonPath("$.nps.detractors").value(1))
			.andExpect(jsonPath("$.nps.score").value(25.0));
	}

	@Test
	void reviewsAverageEachAspectOverTheReviewsThatRatedIt() throws Exception {
		new LoyaltyFixtures(this.db).review(this.a, 5, new Integer[] { 5, 4, 3, 5, null }, "2019-03-01")
			.review(this.b, 4, new Integer[] { 4, 2, 5, null, 4 }, "2019-04-01")
			.review(this.c, 2, new Integer[] { 3, 3, 1, 3, 2 }, "2019-05-01")
			.review(this.d, 1, new Integer[] { 1, 1, 1, 1, 1 }, "2018-11-01");
		// rating (5 + 4 + 2) / 3; product info 12 / 3; service 9 / 3; logistics 9 / 3;
		// feedback (5 + 3) / 2; refund speed (4 + 2) / 2.
		period().andExpect(jsonPath("$.reviews.count").value(3))
			.andExpect(jsonPath("$.reviews.rating", closeTo(11.0 / 3, 1e-9)))
			.andExpect(jsonPath("$.reviews.aspects.productInfo").value(4.0))
			.andExpect(jsonPath("$.reviews.aspects.serviceResponse").value(3.0))
			.andExpect(jsonPath("$.reviews.aspects.logistics").value(3.0))
			.andExpect(jsonPath("$.reviews.aspects.reviewFeedback").value(4.0))
			.andExpect(jsonPath("$.reviews.aspects.refundSpeed").value(3.0));
	}

	@Test
	void engagementCountsRecipientsWhoReactedAndVisitorsWhoCameBack() throws Exception {
		new LoyaltyFixtures(this.db).message(this.a, "email", "sent", "2019-03-01")
			.message(this.a, "email", "sent", "2019-04-01")
			.message(this.b, "email", "sent", "2019-03-01")
			.message(this.c, "email", "sent", "2019-03-01")
			.message(this.e, "email", "suppressed", "2019-03-01")
			.message(this.f, "sms", "sent", "2019-03-01")
			.event(this.a, "Email Opened", "2019-03-02")
			.event(this.a, "Email Opened", "2019-04-02")
			.event(this.a, "Email Link Clicked", "2019-04-02")
			.event(this.b, "Email Opened", "2019-03-02")
			.event(this.e, "Email Opened", "2019-03-02")
			.event(this.a, "Site Visited", "2019-03-01T08:00:00Z")
			.event(this.a, "Site Visited", "2019-03-01T20:00:00Z")
			.event(this.b, "Site Visited", "2019-03-01")
			.event(this.b, "Site Visited", "2019-03-02")
			.event(this.f, "Site Visited", "2019-04-01")
			.event(this.f, "Site Visited", "2019-05-01");
		// 4 emails to A, B, C; A and B opened (E opened none of the period's), A clicked.
		// Visitors A (one day), B and F (two days each).
		period().andExpect(jsonPath("$.engagement.emailsSent").value(4))
			.andExpect(jsonPath("$.engagement.emailRecipients").value(3))
			.andExpect(jsonPath("$.engagement.openRate", closeTo(2.0 / 3, 1e-9)))
			.andExpect(jsonPath("$.engagement.clickRate", closeTo(1.0 / 3, 1e-9)))
			.andExpect(jsonPath("$.engagement.visitors").value(3))
			.andExpect(jsonPath("$.engagement.returnVisitRate", closeTo(2.0 / 3, 1e-9)))
			// A to E with orders, F with visits only.
			.andExpect(jsonPath("$.customers").value(6));
	}

	@Test
	void tiersAtThePeriodsEndAndTheMovesInIt() throws Exception {
		new LoyaltyFixtures(this.db).tierChange(this.a, null, "member", "2019-01-10")
			.tierChange(this.a, "member", "silver", "2019-02-05")
			.tierChange(this.a, "silver", "gold", "2019-04-20")
			.tierChange(this.b, null, "member", "2019-01-20")
			.tierChange(this.b, "member", "silver", "2019-10-01")
			.tierChange(this.c, null, "member", "2019-02-14")
			.tierChange(this.c, "member", "silver", "2019-05-02")
			.tierChange(this.c, "silver", "member", "2019-08-15")
			.tierChange(this.e, null, "member", "2019-02-28");
		// At 2019-09-01: A gold; B, C, E member (B's move to silver comes later).
		period().andExpect(jsonPath("$.tiers.gold").value(1))
			.andExpect(jsonPath("$.tiers.member").value(3))
			.andExpect(jsonPath("$.tiers.silver").doesNotExist())
			.andExpect(jsonPath("$.tierMovements[0].from").doesNotExist())
			.andExpect(jsonPath("$.tierMovements[*].to").value(contains("member", "silver", "gold", "member")))
			.andExpect(jsonPath("$.tierMovements[*].customers").value(contains(4, 2, 1, 1)))
			.andExpect(jsonPath("$.tierMovements[1].from").value("member"))
			.andExpect(jsonPath("$.tierMovements[3].from").value("silver"));
	}

	@Test
	void aPeriodThatIsNoDateIsAProblemNamingTheField() throws Exception {
		this.mvc.perform(get("/api/v1/analytics/loyalty?from=2019-13-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		this.mvc.perform(get("/api/v1/analytics/loyalty?from=2019-02-01&to=2019-01-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
	}

	@Test
	void marketersMaySeeTheNumbersSupportAndStrangersMayNot() throws Exception {
		this.mvc.perform(get(PERIOD).with(user("m").roles("MARKETER"))).andExpect(status().isOk());
		this.mvc.perform(get(PERIOD).with(user("s").roles("SUPPORT"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/analytics/loyalty").with(user("m").roles("MARKETER"))).andExpect(status().isOk());
		this.mvc.perform(get(PERIOD).with(anonymous())).andExpect(status().isUnauthorized());
	}

	private ResultActions period() throws Exception {
		return this.mvc.perform(get(PERIOD)).andExpect(jsonPath("$.from").value("2019-01-01"));
	}

}
