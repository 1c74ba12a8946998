package dev.encore.engine.profile;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A profile as the fields of one Redis hash: typed identity and engagement as plain
 * fields, maps as JSON, one {@code order:<id>} / {@code refund:<id>} field per order and
 * refund, one {@code ext:<name>} field per feature's own state. One key per customer: an
 * event reads it and writes it in one round trip each, and erasure deletes one key.
 */
final class ProfileHash {

	private static final String ORDER = "order:";

	private static final String REFUND = "refund:";

	/** A feature's own state ({@link ProfileExtension}), as the JSON text it wrote. */
	private static final String EXTENSION = "ext:";

	/** Written alone by {@link RedisProfileStore#sunset}, so named once. */
	static final String SUNSET_SINCE = "sunsetSince";

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, Consent>> CONSENTS = new TypeReference<>() {
	};

	private final ObjectMapper json;

	ProfileHash(ObjectMapper json) {
		this.json = json.copy()
			.registerModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
	}

	Map<String, String> encode(CustomerProfile profile) {
		Map<String, String> fields = new HashMap<>();
		put(fields, "email", profile.email());
		put(fields, "phone", profile.phone());
		put(fields, "firstName", profile.firstName());
		put(fields, "lastName", profile.lastName());
		put(fields, "locale", profile.locale());
		put(fields, "timeZone", profile.timeZone());
		put(fields, "lineUserId", profile.lineUserId());
		put(fields, "birthday", profile.birthday());
		fields.put("traits", write(profile.traits()));
		fields.put("cart", write(profile.cart()));
		fields.put("consents", write(profile.consents()));
		put(fields, "lastEmailOpenAt", profile.engagement().lastEmailOpenAt());
		put(fields, "lastClickAt", profile.engagement().lastClickAt());
		put(fields, "lastVisitAt", profile.engagement().lastVisitAt());
		LifecycleState lifecycle = profile.lifecycle();
		put(fields, "stage", lifecycle.stage() == null ? null : lifecycle.stage().id());
		put(fields, "stagePrevious", lifecycle.previous() == null ? null : lifecycle.previous().id());
		put(fields, "stageChangedBy", lifecycle.changedBy());
		put(fields, "advocateSince", lifecycle.advocateSince());
		put(fields, SUNSET_SINCE, lifecycle.sunsetSince());
		profile.orders().orders().forEach((id, order) -> fields.put(ORDER + id, write(order)));
		profile.orders().refunds().forEach((id, refund) -> fields.put(REFUND + id, write(refund)));
		profile.extensions().forEach((name, state) -> fields.put(EXTENSION + name, state));
		return fields;
	}

	CustomerProfile decode(String customerId, Map<String, String> hash) {
		Map<String, PlacedOrder> orders = new HashMap<>();
		Map<String, Refund> refunds = new HashMap<>();
		Map<String, String> extensions = new HashMap<>();
		hash.forEach((field, value) -> {
			if (field.startsWith(ORDER)) {
				orders.put(field.substring(ORDER.length()), read(value, PlacedOrder.class));
			}
			else if (field.startsWith(REFUND)) {
				refunds.put(field.substring(REFUND.length()), read(value, Refund.class));
			}
			else if (field.startsWith(EXTENSION)) {
				extensions.put(field.substring(EXTENSION.length()), value);
			}
		});
		String birthday = hash.get("birthday");
		return new CustomerProfile(customerId, hash.get("email"), hash.get("phone"), hash.get("firstName"),
				hash.get("lastName"), hash.get("locale"), hash.get("timeZone"), readMap(hash.get("traits")),
				readMap(hash.get("cart")), hash.get("lineUserId"), birthday == null ? null : Birthday.parse(birthday),
				readConsents(hash.get("consents")), new OrderHistory(orders, refunds),
				new Engagement(instant(hash, "lastEmailOpenAt"), instant(hash, "lastClickAt"),
						instant(hash, "lastVisitAt")),
				new LifecycleState(stage(hash.get("stage")), stage(hash.get("stagePrevious")),
						hash.get("stageChangedBy"), instant(hash, "advocateSince"), instant(hash, SUNSET_SINCE)),
				extensions);
	}

	private static LifecycleStage stage(String id) {
		return id == null ? null : LifecycleStage.fromId(id);
	}

	private static Instant instant(Map<String, String> hash, String field) {
		String value = hash.get(field);
		return value == null ? null : Instant.parse(value);
	}

	private static void put(Map<String, String> fields, String name, Object value) {
		if (value != null) {
			fields.put(name, value.toString());
		}
	}

	private Map<String, Object> readMap(String value) {
		return value == null ? Map.of() : read(value, MAP);
	}

	private Map<String, Consent> readConsents(String value) {
		return value == null ? Map.of() : read(value, CONSENTS);
	}

	private <T> T read(String value, TypeReference<T> type) {
		try {
			return this.json.readValue(value, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable profile JSON in Redis", ex);
		}
	}

	private <T> T read(String value, Class<T> type) {
		try {
			return this.json.readValue(value, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable profile JSON in Redis", ex);
		}
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Profile data is not JSON-serializable", ex);
		}
	}

}
