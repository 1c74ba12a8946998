package dev.encore.engine.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Segment HTTP Tracking API payloads from the spec's examples ({@code segment/*.json}),
 * with this run's ids so tests do not share customers or message ids.
 */
public final class SegmentFixtures {

	/** A write key the test profile accepts. */
	public static final String WRITE_KEY = "test-write-key";

	private SegmentFixtures() {
	}

	/**
	 * The fixture with each {@code from -> to} id replaced and message ids made unique.
	 */
	public static String load(String name, Map<String, String> ids) {
		try (InputStream in = SegmentFixtures.class.getResourceAsStream("/segment/" + name + ".json")) {
			String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (Map.Entry<String, String> id : ids.entrySet()) {
				json = json.replace("\"" + id.getKey() + "\"", "\"" + id.getValue() + "\"");
			}
			return json.replace("\"messageId\": \"", "\"messageId\": \"" + UUID.randomUUID() + "-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code Authorization} header value as Segment's libraries send it. */
	public static String basic(String writeKey) {
		return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
	}

}
