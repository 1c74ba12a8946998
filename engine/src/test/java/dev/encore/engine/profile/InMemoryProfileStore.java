package dev.encore.engine.profile;

import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Profiles in a map, for unit tests of what reads and writes them. */
class InMemoryProfileStore implements ProfileStore {

	private final Map<String, CustomerProfile> profiles = new ConcurrentHashMap<>();

	@Override
	public Optional<CustomerProfile> find(String customerId) {
		return Optional.ofNullable(this.profiles.get(customerId));
	}

	@Override
	public void save(CustomerProfile profile) {
		this.profiles.put(profile.customerId(), profile);
	}

	@Override
	public void delete(String customerId) {
		this.profiles.remove(customerId);
	}

	@Override
	public Optional<CustomerProfile> findByContact(String emailOrPhone) {
		// A scan is fine for a try-out's few customers; Redis keeps an index.
		String wanted = ProfileStore.contactKey(emailOrPhone);
		return this.profiles.values()
			.stream()
			.filter((profile) -> (profile.email() != null && ProfileStore.contactKey(profile.email()).equals(wanted))
					|| (profile.phone() != null && ProfileStore.contactKey(profile.phone()).equals(wanted))
					|| (profile.lineUserId() != null
							&& ProfileStore.contactKey(ProfileStore.LINE_CONTACT + profile.lineUserId())
								.equals(wanted)))
			.findFirst();
	}

	@Override
	public List<CustomerProfile> bornOn(MonthDay day) {
		return this.profiles.values()
			.stream()
			.filter((profile) -> profile.birthday() != null && profile.birthday().day().equals(day))
			.toList();
	}

	@Override
	public void sunset(String customerId, Instant since) {
		this.profiles.computeIfPresent(customerId,
				(id, profile) -> profile.withLifecycle(profile.lifecycle().sunsetSince(since)));
	}

	@Override
	public void forEach(Consumer<CustomerProfile> action) {
		this.profiles.values().forEach(action);
	}

}
