package dev.encore.engine.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Profiles in Encore's database when no Redis is configured, so the try-out keeps its
 * customers across restarts as it keeps their journeys. The same fields as the Redis hash
 * ({@link ProfileHash}), as JSON in one row per customer; written in the event's
 * transaction, so a rolled-back event leaves the row as it was.
 */
class DatabaseProfileStore implements ProfileStore {

	private static final DateTimeFormatter BIRTHDAY = DateTimeFormatter.ofPattern("MM-dd");

	private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ProfileHash hash;

	private final ObjectMapper json;

	private final Clock clock;

	DatabaseProfileStore(JdbcClient jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.hash = new ProfileHash(json);
		this.json = json;
		this.clock = clock;
	}

	@Override
	public Optional<CustomerProfile> find(String customerId) {
		return this.jdbc.sql("SELECT customer_id, fields FROM encore_profile WHERE customer_id = ?")
			.param(customerId)
			.query(this::decode)
			.optional();
	}

	@Override
	public void save(CustomerProfile profile) {
		write(profile.customerId(), this.hash.encode(profile), profile);
	}

	private void write(String customerId, Map<String, String> fields, CustomerProfile profile) {
		String text = text(fields);
		String email = (profile.email() == null) ? null : ProfileStore.contactKey(profile.email());
		String phone = (profile.phone() == null) ? null : ProfileStore.contactKey(profile.phone());
		String line = (profile.lineUserId() == null) ? null
				: ProfileStore.contactKey(ProfileStore.LINE_CONTACT + profile.lineUserId());
		String birthday = (profile.birthday() == null) ? null : BIRTHDAY.format(profile.birthday().day());
		Timestamp now = Timestamp.from(this.clock.instant());
		int updated = this.jdbc
			.sql("UPDATE encore_profile SET fields = ?, email_key = ?, phone_key = ?, line_key = ?, birthday = ?, "
					+ "updated_at = ? WHERE customer_id = ?")
			.params(text, email, phone, line, birthday, now, customerId)
			.update();
		if (updated > 0) {
			return;
		}
		try {
			this.jdbc
				.sql("INSERT INTO encore_profile (customer_id, fields, email_key, phone_key, line_key, birthday, "
						+ "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(customerId, text, email, phone, line, birthday, now)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Inserted meanwhile by another transaction (events are applied under the
			// customer's lock, so only outside the intake): this write is the later one.
			write(customerId, fields, profile);
		}
	}

	@Override
	public void delete(String customerId) {
		this.jdbc.sql("DELETE FROM encore_profile WHERE customer_id = ?").param(customerId).update();
	}

	@Override
	public Optional<CustomerProfile> findByContact(String emailOrPhone) {
		String wanted = ProfileStore.contactKey(emailOrPhone);
		return this.jdbc
			.sql("SELECT customer_id, fields FROM encore_profile WHERE email_key = ? OR phone_key = ? OR line_key = ? "
					+ "ORDER BY updated_at DESC")
			.params(wanted, wanted, wanted)
			.query(this::decode)
			.list()
			.stream()
			.findFirst();
	}

	@Override
	public void forEach(Consumer<CustomerProfile> action) {
		this.jdbc.sql("SELECT customer_id, fields FROM encore_profile")
			.query((ResultSet row) -> action.accept(decode(row, 0)));
	}

	@Override
	public List<CustomerProfile> bornOn(MonthDay day) {
		return this.jdbc.sql("SELECT customer_id, fields FROM encore_profile WHERE birthday = ?")
			.param(BIRTHDAY.format(day))
			.query(this::decode)
			.list();
	}

	@Override
	public void sunset(String customerId, Instant since) {
		// Set once, only on an existing profile, under a row lock: an event being applied
		// at the same moment is not lost.
		this.jdbc.sql("SELECT fields FROM encore_profile WHERE customer_id = ? FOR UPDATE")
			.param(customerId)
			.query(String.class)
			.optional()
			.map(this::fields)
			.filter((fields) -> !fields.containsKey(ProfileHash.SUNSET_SINCE))
			.ifPresent((fields) -> {
				fields.put(ProfileHash.SUNSET_SINCE, since.toString());
				this.jdbc.sql("UPDATE encore_profile SET fields = ? WHERE customer_id = ?")
					.params(text(fields), customerId)
					.update();
			});
	}

	private CustomerProfile decode(ResultSet row, int index) throws SQLException {
		return this.hash.decode(row.getString("customer_id"), fields(row.getString("fields")));
	}

	private Map<String, String> fields(String text) {
		try {
			return new HashMap<>(this.json.readValue(text, FIELDS));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored profile is not valid JSON", ex);
		}
	}

	private String text(Map<String, String> fields) {
		try {
			return this.json.writeValueAsString(fields);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A profile's fields could not be written", ex);
		}
	}

}
