package dev.encore.engine.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.encore.engine.event.InvalidEventException;

/**
 * A shop's order export as {@code Order Completed} events: a header row naming at least
 * {@code order_id}, {@code user_id} (or {@code customer_id}), {@code total},
 * {@code currency} and {@code timestamp} (ISO-8601, or a date taken as midnight UTC), and
 * optionally {@code discount} and {@code coupon}; values as RFC 4180 has them (quotes
 * around commas). The message id derives from the order id, so importing the file again
 * changes nothing.
 */
final class OrderCsv {

	private static final List<String> REQUIRED = List.of("order_id", "user_id", "total", "currency", "timestamp");

	private final Map<String, Integer> columns = new HashMap<>();

	OrderCsv(String header) {
		List<String> names = fields(header);
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i).strip().toLowerCase(Locale.ROOT);
			this.columns.put("customer_id".equals(name) ? "user_id" : name, i);
		}
		for (String name : REQUIRED) {
			if (!this.columns.containsKey(name)) {
				throw new InvalidEventException("header", "has no column '" + name + "'; needs " + REQUIRED);
			}
		}
	}

	/** The event one row stands for; the caller checks it as any event is checked. */
	ObjectNode event(String row) {
		List<String> values = fields(row);
		String orderId = value(values, "order_id");
		if (orderId == null) {
			throw new InvalidEventException("order_id", "must not be blank");
		}
		ObjectNode event = JsonNodeFactory.instance.objectNode();
		event.put("messageId", "order-import:" + orderId);
		event.put("type", "track");
		event.put("event", "Order Completed");
		event.put("userId", value(values, "user_id"));
		event.put("timestamp", timestamp(value(values, "timestamp")).toString());
		ObjectNode properties = event.putObject("properties");
		properties.put("order_id", orderId);
		properties.put("total", number(values, "total"));
		properties.put("currency", value(values, "currency"));
		if (value(values, "discount") != null) {
			properties.put("discount", number(values, "discount"));
		}
		if (value(values, "coupon") != null) {
			properties.put("coupon", value(values, "coupon"));
		}
		return event;
	}

	private String value(List<String> values, String column) {
		Integer index = this.columns.get(column);
		if (index == null || index >= values.size()) {
			return null;
		}
		String value = values.get(index).strip();
		return value.isEmpty() ? null : value;
	}

	private BigDecimal number(List<String> values, String column) {
		String value = value(values, column);
		try {
			return new BigDecimal(value);
		}
		catch (RuntimeException ex) {
			throw new InvalidEventException(column, "must be a number, not '" + value + "'");
		}
	}

	private static Instant timestamp(String value) {
		if (value == null) {
			throw new InvalidEventException("timestamp", "must not be blank");
		}
		try {
			return (value.length() == 10) ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
					: Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidEventException("timestamp", "must be ISO-8601 (2026-01-31 or 2026-01-31T09:30:00Z)");
		}
	}

	/**
	 * One CSV record's fields (a record spans one line: exports put no line breaks in
	 * values).
	 */
	static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

}
