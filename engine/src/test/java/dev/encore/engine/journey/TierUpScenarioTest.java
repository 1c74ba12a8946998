package dev.encore.engine.journey;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.event.EventHistory;
import dev.encore.engine.loyalty.LoyaltyScan;
import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier up (journeys/tier-up.bpmn): a congratulation with the new tier's perks on every
 * move up below VIP, nothing on a first tier or a move down. Customers move the real way,
 * by orders and the daily scan (journeys/loyalty-tier.dmn); mail is read at the SMTP
 * server.
 */
class TierUpScenarioTest extends JourneyScenarioTest {

	private static final String JOURNEY = "TierUp";

	@Autowired
	private LoyaltyScan scan;

	@Autowired
	private EventHistory events;

	@Test
	void aSecondOrderMakesSilverAndBringsTheSilverPerks() throws Exception {
		String customer = customer();
		order(customer, "o-1", 60);
		assertThat(sentTemplates(customer)).as("a first tier is no upgrade").isEmpty();

		order(customer, "o-2", 20);

		assertThat(subjects(customer, JOURNEY)).containsExactly("Ada, you are now Silver");
		assertThat(html(mailTo(customer, JOURNEY).get(0)))
			.contains("free shipping on orders from 100", "50 points on your birthday")
			.doesNotContain("early access");
		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventCongratulated");
	}

	@Test
	void goldIsCongratulatedInTheCustomersLanguageWithEarlyAccess() throws Exception {
		String customer = customer("locale", "zh-TW");
		order(customer, "o-1", 60);
		order(customer, "o-2", 60);
		this.clock.advance(Duration.ofDays(1));
		order(customer, "o-3", 100);
		this.clock.advance(Duration.ofDays(1));
		// Three purchase days, 400 spent.
		order(customer, "o-4", 180);

		assertThat(subjects(customer, JOURNEY)).containsExactly("Ada，恭喜升級為銀卡會員", "Ada，恭喜升級為金卡會員");
		assertThat(html(mailTo(customer, JOURNEY).get(1))).contains("訂單滿 50 元免運費", "提前 24 小時搶先購");
	}

	@Test
	void aMoveDownOrAFirstTierAboveMemberSendsNothing() throws Exception {
		String customer = customer();
		// 150 at once: silver is the customer's first tier.
		order(customer, "o-1", 150);
		this.clock.advance(Duration.ofDays(366));
		this.scan.scan();
		this.clock.runDueJobs();

		assertThat(tierMoves(customer)).containsExactly("first", "down");
		assertThat(sentTemplates(customer)).isEmpty();
		assertThat(activeJourneys(customer, JOURNEY)).isZero();
	}

	@Test
	void reachingVipIsLeftToTheVipWelcome() throws Exception {
		String customer = customer();
		for (int day = 0; day < 5; day++) {
			order(customer, "o-" + day, 200);
			this.clock.advance(Duration.ofDays(1));
		}

		assertThat(tierMoves(customer)).containsExactly("first", "up", "up");
		assertThat(subjects(customer, JOURNEY)).containsExactly("Ada, you are now Gold");
		assertThat(subjects(customer, "VipAndReferral")).containsExactly("Ada, welcome to VIP");
	}

	private void order(String customer, String orderId, double total) throws Exception {
		event(TestEvents.track("Order Completed", customer).with("order_id", orderId).with("total", total));
	}

	/** The direction of each Tier Changed of the customer, oldest first. */
	private List<String> tierMoves(String customer) {
		return this.events.forCustomer(customer)
			.stream()
			.filter((event) -> "Tier Changed".equals(event.name()))
			.map((event) -> String.valueOf(event.properties().get("direction")))
			.toList();
	}

	/** Templates this journey sent the customer, oldest first. */
	private List<String> sentTemplates(String customer) {
		return steps(customer, JOURNEY).stream()
			.filter((step) -> step.status().equals("sent"))
			.map(MessageLog.Entry::templateId)
			.toList();
	}

}
