package dev.encore.engine.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * One Redis hash per customer ({@code <prefix>profile:<id>}, see {@link ProfileHash}),
 * plus indexes by contact ({@code <prefix>contact:<email>}) and birthday
 * ({@code <prefix>birthday:MM-dd}, a set of customer ids). A read is one HGETALL, a save
 * one MULTI/DEL/HSET/EXEC sent as a single pipeline, and a transaction's profiles are
 * read and saved in one pipeline each ({@link TransactionalProfileStore}): a batch of
 * events costs two round trips however many customers and orders it holds, and readers
 * never see a half-written profile.
 */
class RedisProfileStore implements ProfileStore {

	private static final DateTimeFormatter BIRTHDAY_KEY = DateTimeFormatter.ofPattern("MM-dd");

	private static final String SUNSET = """
			if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) end
			return 0""";

	private final UnifiedJedis redis;

	private final String prefix;

	private final String contactPrefix;

	private final String birthdayPrefix;

	private final ProfileHash hash;

	private final Counter roundTrips;

	RedisProfileStore(UnifiedJedis redis, String keyPrefix, ObjectMapper json, Counter roundTrips) {
		this.redis = redis;
		this.prefix = keyPrefix + "profile:";
		this.contactPrefix = keyPrefix + "contact:";
		this.birthdayPrefix = keyPrefix + "birthday:";
		this.hash = new ProfileHash(json);
		this.roundTrips = roundTrips;
	}

	@Override
	public Optional<CustomerProfile> find(String customerId) {
		Map<String, String> fields = this.redis.hgetAll(this.prefix + customerId);
		this.roundTrips.increment();
		return fields.isEmpty() ? Optional.empty() : Optional.of(this.hash.decode(customerId, fields));
	}

	/** One pipeline of {@code HGETALL}s, however many customers. */
	@Override
	public Map<String, CustomerProfile> findAll(Collection<String> customerIds) {
		List<String> ids = List.copyOf(customerIds);
		List<Response<Map<String, String>>> reads = new ArrayList<>(ids.size());
		try (AbstractPipeline pipeline = this.redis.pipelined()) {
			ids.forEach((customerId) -> reads.add(pipeline.hgetAll(this.prefix + customerId)));
			pipeline.sync();
		}
		this.roundTrips.increment();
		Map<String, CustomerProfile> found = new LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			Map<String, String> fields = reads.get(i).get();
			if (!fields.isEmpty()) {
				found.put(ids.get(i), this.hash.decode(ids.get(i), fields));
			}
		}
		return found;
	}

	@Override
	public void save(CustomerProfile profile) {
		saveChanges(List.of(new Change(Optional.empty(), profile)));
	}

	/**
	 * One {@code MULTI}/{@code EXEC} sent as one pipeline, however many profiles. A
	 * profile read before is written as its change: the fields it no longer has removed,
	 * its fields set, and a field set meanwhile by {@link #sunset} left alone; one not
	 * read before replaces the whole hash.
	 */
	@Override
	public void saveChanges(Collection<Change> changes) {
		try (AbstractTransaction transaction = this.redis.multi()) {
			for (Change change : changes) {
				CustomerProfile profile = change.after();
				String key = this.prefix + profile.customerId();
				Map<String, String> fields = this.hash.encode(profile);
				if (change.before().isPresent()) {
					Set<String> gone = new HashSet<>(this.hash.encode(change.before().get()).keySet());
					gone.removeAll(fields.keySet());
					if (!gone.isEmpty()) {
						transaction.hdel(key, gone.toArray(String[]::new));
					}
				}
				else {
					transaction.del(key);
				}
				transaction.hset(key, fields);
				// Support finds customers by email or phone; the index rides in the same
				// transaction, so it costs no extra round trip.
				for (String contact : contactKeys(profile)) {
					transaction.set(contact, profile.customerId());
				}
				// The birthday scan reads a day's customers from a set, not the whole
				// base.
				if (profile.birthday() != null) {
					transaction.sadd(birthdayKey(profile.birthday().day()), profile.customerId());
				}
			}
			transaction.exec();
		}
		this.roundTrips.increment();
	}

	@Override
	public void delete(String customerId) {
		List<String> keys = new ArrayList<>(find(customerId).map(this::contactKeys).orElse(List.of()));
		keys.add(this.prefix + customerId);
		try (AbstractPipeline pipeline = this.redis.pipelined()) {
			pipeline.del(keys.toArray(String[]::new));
			// A changed birthday leaves the id under the old day too: erasure clears
			// every
			// day of a leap year, in the same round trip.
			for (LocalDate day = LocalDate.of(2024, 1, 1); day.getYear() == 2024; day = day.plusDays(1)) {
				pipeline.srem(birthdayKey(MonthDay.from(day)), customerId);
			}
			pipeline.sync();
		}
		this.roundTrips.increment();
	}

	@Override
	public Optional<CustomerProfile> findByContact(String emailOrPhone) {
		String customerId = this.redis.get(this.contactPrefix + ProfileStore.contactKey(emailOrPhone));
		// An index entry outlives a changed address: trust it only if the profile agrees.
		return customerId == null ? Optional.empty() : find(customerId).filter(
				(profile) -> contactKeys(profile).contains(this.contactPrefix + ProfileStore.contactKey(emailOrPhone)));
	}

	private List<String> contactKeys(CustomerProfile profile) {
		List<String> keys = new ArrayList<>(2);
		if (profile.email() != null) {
			keys.add(this.contactPrefix + ProfileStore.contactKey(profile.email()));
		}
		if (profile.phone() != null) {
			keys.add(this.contactPrefix + ProfileStore.contactKey(profile.phone()));
		}
		if (profile.lineUserId() != null) {
			keys.add(this.contactPrefix + ProfileStore.contactKey(ProfileStore.LINE_CONTACT + profile.lineUserId()));
		}
		return keys;
	}

	@Override
	public List<CustomerProfile> bornOn(MonthDay day) {
		List<String> customers = new ArrayList<>(this.redis.smembers(birthdayKey(day)));
		List<Response<Map<String, String>>> reads = new ArrayList<>();
		try (AbstractPipeline pipeline = this.redis.pipelined()) {
			customers.forEach((customerId) -> reads.add(pipeline.hgetAll(this.prefix + customerId)));
			pipeline.sync();
		}
		List<CustomerProfile> born = new ArrayList<>();
		for (int i = 0; i < reads.size(); i++) {
			Map<String, String> fields = reads.get(i).get();
			CustomerProfile profile = fields.isEmpty() ? null : this.hash.decode(customers.get(i), fields);
			// An entry outlives a changed birthday: trust it only if the profile agrees.
			if (profile != null && profile.birthday() != null && profile.birthday().day().equals(day)) {
				born.add(profile);
			}
		}
		return born;
	}

	@Override
	public void sunset(String customerId, Instant since) {
		// One field, set only on an existing profile: no read-modify-write to race with
		// an event being applied.
		this.redis.eval(SUNSET, List.of(this.prefix + customerId), List.of(ProfileHash.SUNSET_SINCE, since.toString()));
		this.roundTrips.increment();
	}

	private String birthdayKey(MonthDay day) {
		return this.birthdayPrefix + BIRTHDAY_KEY.format(day);
	}

	@Override
	public void forEach(Consumer<CustomerProfile> action) {
		ScanParams match = new ScanParams().match(this.prefix + "*").count(500);
		String cursor = ScanParams.SCAN_POINTER_START;
		do {
			ScanResult<String> page = this.redis.scan(cursor, match);
			cursor = page.getCursor();
			List<Response<Map<String, String>>> reads = new ArrayList<>();
			try (AbstractPipeline pipeline = this.redis.pipelined()) {
				page.getResult().forEach((key) -> reads.add(pipeline.hgetAll(key)));
				pipeline.sync();
			}
			for (int i = 0; i < reads.size(); i++) {
				Map<String, String> fields = reads.get(i).get();
				if (!fields.isEmpty()) {
					action.accept(this.hash.decode(page.getResult().get(i).substring(this.prefix.length()), fields));
				}
			}
		}
		while (!ScanParams.SCAN_POINTER_START.equals(cursor));
	}

}
