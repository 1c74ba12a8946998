package dev.encore.engine.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ProfileStore} must do; run against each implementation. */
abstract class ProfileStoreContract {

	abstract ProfileStore store();

	private final String customer = "c-" + UUID.randomUUID();

	@Test
	void unknownCustomerHasNoProfile() {
		assertThat(store().find(this.customer)).isEmpty();
	}

	@Test
	void savedProfileReadsBackWithTraitsAndCart() {
		CustomerProfile profile = CustomerProfile.empty(this.customer)
			.withTraits(Map.of("email", "ada@example.org", "name", "Ada Lovelace", "plan", "gold", "age", 36))
			.withCart(Map.of("currency", "TWD", "products", List.of(Map.of("name", "茶壺", "quantity", 2))));

		store().save(profile);

		CustomerProfile read = store().find(this.customer).orElseThrow();
		assertThat(read).isEqualTo(profile);
		assertThat(read.firstName()).isEqualTo("Ada");
		assertThat(read.lastName()).isEqualTo("Lovelace");
		assertThat(read.traits()).containsEntry("plan", "gold").containsEntry("age", 36).doesNotContainKey("email");
	}

	@Test
	void profilesAreReadAndSavedTogether() {
		CustomerProfile ada = CustomerProfile.empty(this.customer + "-ada")
			.withTraits(Map.of("email", "ada@example.org"));
		CustomerProfile bob = CustomerProfile.empty(this.customer + "-bob").withCart(Map.of("value", 10));

		store().saveChanges(List.of(new ProfileStore.Change(Optional.empty(), ada),
				new ProfileStore.Change(Optional.empty(), bob)));

		assertThat(store().findAll(List.of(bob.customerId(), this.customer + "-nobody", ada.customerId())))
			.containsExactly(Map.entry(bob.customerId(), bob), Map.entry(ada.customerId(), ada));
	}

	@Test
	void savingAgainReplacesFieldsIncludingClearedOnes() {
		store().save(CustomerProfile.empty(this.customer)
			.withTraits(Map.of("email", "ada@example.org"))
			.withCart(Map.of("value", 10)));
		CustomerProfile withoutEmail = new CustomerProfile(this.customer, null, "+886912345678", null, null, "zh-TW",
				"Asia/Taipei", Map.of(), Map.of());

		store().save(withoutEmail);

		assertThat(store().find(this.customer)).contains(withoutEmail);
	}

	@Test
	void everyPartOfAFullProfileReadsBack() {
		CustomerProfile full = CustomerProfile.empty(this.customer)
			.withTraits(
					Map.of("email", "ada@example.org", "phone", "+886 912-345-678", "lineUserId", "U123", "birthday",
							"1990-02-28", "timeZone", "Asia/Taipei", "locale", "zh-TW", "consents",
							Map.of("email", "granted", "sms",
									Map.of("status", "revoked", "source", "preference-center"))),
					Instant.parse("2026-03-01T10:00:00Z"), "http")
			.withOrders(OrderHistory.NONE
				.withOrder("o-1",
						new PlacedOrder(Instant.parse("2026-03-02T10:00:00Z"), new BigDecimal("49.90"), true,
								List.of("tea", "tea")))
				.withRefund("r-1", new Refund("o-1", new BigDecimal("10"), Instant.parse("2026-03-05T10:00:00Z"))))
			.withEngagement(Engagement.NONE.withClick(Instant.parse("2026-03-03T10:00:00Z")))
			.withLifecycle(LifecycleState.NEW.changedTo(LifecycleStage.FIRST_TIME, "m-1")
				.sunsetSince(Instant.parse("2026-03-06T10:00:00Z")))
			.withExtension("loyalty", "{\"tier\":\"gold\",\"since\":\"2026-03-02T10:00:00Z\"}")
			.withExtension("interests", "{\"viewed\":{\"茶\":2}}");

		store().save(full);

		assertThat(store().find(this.customer)).contains(full);
	}

	@Test
	void anExtensionsStateIsReplacedOrRemovedWithTheProfileAndNothingElseOfIt() {
		CustomerProfile profile = CustomerProfile.empty(this.customer)
			.withTraits(Map.of("email", "ada@example.org"))
			.withExtension("loyalty", "{\"tier\":\"silver\"}")
			.withExtension("interests", "{}");
		store().save(profile);

		CustomerProfile promoted = store().find(this.customer)
			.orElseThrow()
			.withExtension("loyalty", "{\"tier\":\"gold\"}")
			.withExtension("interests", null);
		store().save(promoted);

		CustomerProfile read = store().find(this.customer).orElseThrow();
		assertThat(read.extension("loyalty")).isEqualTo("{\"tier\":\"gold\"}");
		assertThat(read.extension("interests")).isNull();
		assertThat(read.extensions()).containsOnlyKeys("loyalty");
		assertThat(read.email()).isEqualTo("ada@example.org");
		assertThat(read.withTraits(Map.of("firstName", "Ada")).extensions()).isEqualTo(read.extensions());
	}

	@Test
	void forEachVisitsSavedProfiles() {
		store().save(CustomerProfile.empty(this.customer).withTraits(Map.of("email", "ada@example.org")));

		List<String> seen = new ArrayList<>();
		store().forEach((profile) -> seen.add(profile.customerId()));

		assertThat(seen).contains(this.customer);
	}

	@Test
	void deleteRemovesTheProfile() {
		store().save(CustomerProfile.empty(this.customer).withTraits(Map.of("email", "ada@example.org")));

		store().delete(this.customer);

		assertThat(store().find(this.customer)).isEmpty();
	}

	@Test
	void supportFindsACustomerByEmailOrPhoneUntilTheyChangeOrLeave() {
		String email = this.customer + "@Example.org";
		store().save(CustomerProfile.empty(this.customer).withTraits(Map.of("email", email, "phone", "+886912345678")));

		assertThat(store().findByContact(email.toLowerCase())).map(CustomerProfile::customerId).contains(this.customer);
		assertThat(store().findByContact(" +886912345678 ")).map(CustomerProfile::customerId).contains(this.customer);
		assertThat(store().findByContact("nobody@example.org")).isEmpty();

		store().save(store().find(this.customer).orElseThrow().withTraits(Map.of("email", "new-" + email)));
		assertThat(store().findByContact(email)).isEmpty();
		assertThat(store().findByContact("new-" + email)).isPresent();

		store().delete(this.customer);
		assertThat(store().findByContact("new-" + email)).isEmpty();
		assertThat(store().findByContact("+886912345678")).isEmpty();
	}

	@Test
	void bornOnFindsCustomersByDayOfBirthUntilTheyChangeItOrLeave() {
		store().save(CustomerProfile.empty(this.customer).withTraits(Map.of("birthday", "1990-12-05")));
		String leapDay = "c-" + UUID.randomUUID();
		store().save(CustomerProfile.empty(leapDay).withTraits(Map.of("birthday", "02-29")));

		assertThat(born(MonthDay.of(12, 5))).contains(this.customer).doesNotContain(leapDay);
		assertThat(born(MonthDay.of(2, 29))).contains(leapDay).doesNotContain(this.customer);
		assertThat(store().find(leapDay).orElseThrow().birthday()).hasToString("02-29");
		assertThat(born(MonthDay.of(12, 6))).doesNotContain(this.customer);

		store().save(store().find(this.customer).orElseThrow().withTraits(Map.of("birthday", "1990-12-06")));
		assertThat(born(MonthDay.of(12, 5))).doesNotContain(this.customer);
		assertThat(born(MonthDay.of(12, 6))).contains(this.customer);

		store().delete(this.customer);
		store().delete(leapDay);
		assertThat(born(MonthDay.of(12, 6))).doesNotContain(this.customer);
		assertThat(born(MonthDay.of(2, 29))).doesNotContain(leapDay);
	}

	@Test
	void sunsetMarksAStoredCustomerOnceAndLeavesTheRestOfTheProfile() {
		CustomerProfile profile = CustomerProfile.empty(this.customer)
			.withTraits(Map.of("email", "ada@example.org"))
			.withCart(Map.of("value", 10));
		store().save(profile);
		Instant first = Instant.parse("2026-04-01T10:00:00Z");

		store().sunset(this.customer, first);
		store().sunset(this.customer, first.plusSeconds(3600));

		CustomerProfile read = store().find(this.customer).orElseThrow();
		assertThat(read.sunset()).isTrue();
		assertThat(read.lifecycle().sunsetSince()).isEqualTo(first);
		assertThat(read.withLifecycle(profile.lifecycle())).isEqualTo(profile);

		String unknown = "c-" + UUID.randomUUID();
		store().sunset(unknown, first);
		assertThat(store().find(unknown)).isEmpty();
	}

	private List<String> born(MonthDay day) {
		return store().bornOn(day).stream().map(CustomerProfile::customerId).toList();
	}

}
