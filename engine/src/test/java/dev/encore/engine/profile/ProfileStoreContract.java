package dev.encore.engine.profile;

import java.util.List;
import java.util.Map;
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
	void deleteRemovesTheProfile() {
		store().save(CustomerProfile.empty(this.customer).withTraits(Map.of("email", "ada@example.org")));

		store().delete(this.customer);

		assertThat(store().find(this.customer)).isEmpty();
	}

}
