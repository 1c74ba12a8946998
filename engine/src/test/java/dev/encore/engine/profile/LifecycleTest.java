package dev.encore.engine.profile;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.testsupport.ChannelFixtures;
import dev.encore.engine.testsupport.CustomerEvents;

import static org.assertj.core.api.Assertions.assertThat;

/** Lifecycle transitions through the profile updater, on the in-memory store. */
class LifecycleTest {

	private static final ProfileProperties PROPERTIES = ProfileProperties.defaults();

	private final ProfileUpdater updater = new ProfileUpdater(new InMemoryProfileStore(), new Lifecycle(PROPERTIES),
			PROPERTIES, ChannelFixtures.shipped());

	private final String customer = "c-" + UUID.randomUUID();

	private List<String> apply(CustomerEvent event) {
		return this.updater.apply(event)
			.stream()
			.map((derived) -> derived.properties().get("from") + "->" + derived.properties().get("to"))
			.toList();
	}

	@Test
	void ordersMoveAProspectThroughFirstTimeAndRepeatToLoyal() {
		assertThat(apply(CustomerEvents.identify(this.customer).trait("email", "a@example.org").build())).isEmpty();
		assertThat(apply(CustomerEvents.order(this.customer, "o-1", "20").build()))
			.containsExactly("prospect->first-time");
		assertThat(apply(CustomerEvents.order(this.customer, "o-2", "20").build()))
			.containsExactly("first-time->repeat");
		assertThat(apply(CustomerEvents.order(this.customer, "o-3", "20").build())).containsExactly("repeat->loyal");
		assertThat(apply(CustomerEvents.order(this.customer, "o-4", "20").build())).isEmpty();
	}

	@Test
	void oneHighValueOrderMakesACustomerLoyal() {
		assertThat(apply(CustomerEvents.order(this.customer, "o-1", "500").build())).containsExactly("prospect->loyal");
	}

	@Test
	void refundOfTheOnlyOrderMakesTheCustomerAProspectAgainButAPartialOneDoesNot() {
		apply(CustomerEvents.order(this.customer, "o-1", "80").build());

		assertThat(apply(CustomerEvents.refund(this.customer, "o-1").with("total", "30").build())).isEmpty();
		assertThat(apply(CustomerEvents.refund(this.customer, "o-1").with("total", "50").build()))
			.containsExactly("first-time->prospect");
	}

	@Test
	void referringSomeoneWhoBoughtMakesAnAdvocate() {
		apply(CustomerEvents.order(this.customer, "o-1", "20").build());

		assertThat(apply(CustomerEvents.track("Referral Completed", this.customer).build()))
			.containsExactly("first-time->advocate");
	}

	@Test
	void theSameEventAgainAfterARollbackAnnouncesTheChangeAgain() {
		CustomerEvent order = CustomerEvents.order(this.customer, "o-1", "20").build();
		List<CustomerEvent> first = this.updater.apply(order);

		List<CustomerEvent> retried = this.updater.apply(order);

		assertThat(retried).isEqualTo(first).hasSize(1);
		assertThat(retried.get(0).messageId()).startsWith("lifecycle-");
	}

}
