package dev.encore.engine.push;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link CustomerDevices} must do; run against each implementation. */
abstract class CustomerDevicesContract {

	abstract CustomerDevices store();

	private final String customer = "c-" + UUID.randomUUID();

	private static Device device(String address, String key, Instant at) {
		return new Device(address, Map.of("p256dh", key, "auth", "a"), at);
	}

	@Test
	void aCustomerHasEveryDeviceRegisteredOnAChannelOldestFirst() {
		Instant now = Instant.parse("2026-11-23T09:00:00Z");
		assertThat(store().register(this.customer, "webpush", device("https://b", "k2", now.plusSeconds(1)))).isTrue();
		assertThat(store().register(this.customer, "webpush", device("https://a", "k1", now))).isTrue();
		assertThat(store().register(this.customer, "apppush", new Device("tok", Map.of(), now))).isTrue();

		assertThat(store().of(this.customer, "webpush")).containsExactly(device("https://a", "k1", now),
				device("https://b", "k2", now.plusSeconds(1)));
		assertThat(store().of(this.customer, "apppush")).extracting(Device::address).containsExactly("tok");
		assertThat(store().of("someone-else", "webpush")).isEmpty();
	}

	@Test
	void registeringAnAddressAgainReplacesItsKeysAndAddsNoDevice() {
		Instant now = Instant.parse("2026-11-23T09:00:00Z");
		store().register(this.customer, "webpush", device("https://a", "old", now));

		assertThat(store().register(this.customer, "webpush", device("https://a", "new", now))).isFalse();

		assertThat(store().of(this.customer, "webpush")).singleElement()
			.satisfies((device) -> assertThat(device.keys()).containsEntry("p256dh", "new"));
	}

	@Test
	void removingTakesOneDeviceOfOneChannel() {
		Instant now = Instant.parse("2026-11-23T09:00:00Z");
		store().register(this.customer, "webpush", device("same", "k", now));
		store().register(this.customer, "apppush", new Device("same", Map.of(), now));

		assertThat(store().remove(this.customer, "webpush", "same")).isTrue();
		assertThat(store().remove(this.customer, "webpush", "same")).isFalse();

		assertThat(store().of(this.customer, "webpush")).isEmpty();
		assertThat(store().of(this.customer, "apppush")).hasSize(1);
	}

	@Test
	void erasureForgetsEveryDeviceOfTheCustomerOnly() {
		Instant now = Instant.parse("2026-11-23T09:00:00Z");
		store().register(this.customer, "webpush", device("https://a", "k", now));
		store().register(this.customer, "apppush", new Device("tok", Map.of(), now));
		store().register("other-" + this.customer, "apppush", new Device("tok", Map.of(), now));

		assertThat(store().erase(this.customer)).isPositive();

		assertThat(store().of(this.customer, "webpush")).isEmpty();
		assertThat(store().of(this.customer, "apppush")).isEmpty();
		assertThat(store().of("other-" + this.customer, "apppush")).hasSize(1);
		assertThat(store().erase(this.customer)).isZero();
	}

}
