package dev.encore.engine.delivery;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.ApplicationContext;

import dev.encore.connectors.Channel;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.testsupport.Holdouts;
import dev.encore.engine.testsupport.JourneyClock;
import dev.encore.engine.testsupport.TestSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A marketing email whose cap slot was taken at 23:59 in the customer's zone, the SMTP
 * server down, and its job retried after midnight: the slot stays on the first day, and a
 * release after midnight goes back to the first day. Run with caps in Redis and in memory
 * ({@link RedisCapsAcrossMidnightTest}, {@link CapsAcrossMidnightTest}).
 */
interface CapsAcrossMidnight {

	LocalDate DAY_ONE = LocalDate.of(2026, 11, 23);

	LocalDate DAY_TWO = DAY_ONE.plusDays(1);

	ApplicationContext context();

	@ParameterizedTest
	@ValueSource(strings = { "Asia/Taipei", "America/New_York" })
	default void aSendRetriedAfterMidnightKeepsItsSlotOnTheDayItWasTaken(String zone) throws Exception {
		String customer = customerIn(zone);
		clock().setTo(DAY_ONE.atTime(LocalTime.of(23, 59)).atZone(ZoneId.of(zone)).toInstant());
		startProbe(customer);
		runWithSmtpDown();
		assertThat(status(customer)).containsExactly("retrying");
		assertThat(counts(customer, DAY_ONE)).containsExactly(1L, 1L);

		clock().advance(Duration.ofMinutes(5));

		assertThat(status(customer)).containsExactly("sent");
		assertThat(received(address(customer))).isOne();
		assertThat(counts(customer, DAY_ONE)).as("still one slot, on the first day").containsExactly(1L, 1L);
		assertThat(counts(customer, DAY_TWO)).as("none on the second").containsExactly(0L, 0L);
	}

	/**
	 * The retry at 00:04 finds the address suppressed, or fails for good: its slot goes
	 * back to the first day; the send that took the second day's slot at 00:02 keeps it.
	 */
	@ParameterizedTest
	@CsvSource({ "Asia/Taipei, suppressed", "Asia/Taipei, failed", "America/New_York, suppressed",
			"America/New_York, failed" })
	default void aSendGivenUpAfterMidnightGivesItsSlotBackToTheDayItWasTaken(String zone, String ending)
			throws Exception {
		String customer = customerIn(zone);
		ZoneId customerZone = ZoneId.of(zone);
		clock().setTo(DAY_ONE.atTime(LocalTime.of(23, 59)).atZone(customerZone).toInstant());
		String first = startProbe(customer);
		runWithSmtpDown();
		clock().setTo(DAY_TWO.atTime(LocalTime.of(0, 2)).atZone(customerZone).toInstant());
		startProbe(customer);
		clock().runDueJobs();
		assertThat(counts(customer, DAY_ONE)).containsExactly(1L, 1L);
		assertThat(counts(customer, DAY_TWO)).containsExactly(1L, 1L);

		if ("suppressed".equals(ending)) {
			bean(SuppressionList.class).add(Channel.EMAIL, address(customer), SuppressionList.Reason.COMPLAINT);
		}
		else {
			// Two addresses in one: the message cannot be built, a permanent failure.
			save(customer, zone, address(customer) + ", ops@example.org");
		}
		clock().advance(Duration.ofMinutes(2));

		assertThat(bean(MessageLog.class).forCustomer(customer)).filteredOn((e) -> e.processInstanceId().equals(first))
			.extracting(MessageLog.Entry::status)
			.containsExactly(ending);
		assertThat(counts(customer, DAY_ONE)).as("the first day's count goes back down").containsExactly(0L, 0L);
		assertThat(counts(customer, DAY_TWO)).as("the second day's is untouched").containsExactly(1L, 1L);
		assertThat(received(address(customer))).isOne();
	}

	private String customerIn(String zone) {
		String customer = Holdouts.outsideAll("midnight-");
		save(customer, zone, address(customer));
		return customer;
	}

	private static String address(String customer) {
		return customer + "@example.org";
	}

	private void save(String customer, String zone, String email) {
		bean(ProfileStore.class).save(new CustomerProfile(customer, email, null, "Mei", null, "en", zone, Map.of(),
				Map.of("products", List.of(Map.of("name", "Oolong tea", "quantity", 1)))));
	}

	private String startProbe(String customer) {
		return bean(RuntimeService.class)
			.startProcessInstanceByKey("SendCrashProbe", customer, Map.of("probeChannel", "email"))
			.getId();
	}

	/** The send jobs due now run while the SMTP server refuses connections. */
	private void runWithSmtpDown() {
		GreenMail smtp = TestSmtpServer.get();
		smtp.stop();
		try {
			clock().runDueJobs();
		}
		finally {
			smtp.start();
		}
	}

	private List<String> status(String customer) {
		return bean(MessageLog.class).forCustomer(customer).stream().map(MessageLog.Entry::status).toList();
	}

	/** The customer's email count and count over every channel on the day. */
	private List<Long> counts(String customer, LocalDate day) {
		FrequencyCaps caps = bean(FrequencyCaps.class);
		return List.of(caps.count(customer, "email", day), caps.count(customer, "any", day));
	}

	private long received(String address) throws MessagingException {
		long count = 0;
		for (Message message : TestSmtpServer.get().getReceivedMessages()) {
			count += Arrays.stream(message.getAllRecipients()).filter((to) -> to.toString().equals(address)).count();
		}
		return count;
	}

	private JourneyClock clock() {
		return new JourneyClock(bean(ManagementService.class));
	}

	private <T> T bean(Class<T> type) {
		return context().getBean(type);
	}

}
