package dev.encore.engine.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Throws generated bad input at every intake endpoint: malformed, truncated, oversized,
 * deeply nested, wrongly typed and Unicode-edge JSON, derived from valid events. Whatever
 * arrives: never a 5xx, every rejection is problem+json, and exactly the events answered
 * as accepted are stored, whole. The seed is printed so a failure can be replayed
 * ({@code -Dencore.fuzz.seed=...}).
 */
class IntakeFuzzTest extends EncoreIntegrationTest {

	private static final int INPUTS = Integer.getInteger("encore.fuzz.inputs", 10_000);

	private static final String SEGMENT_AUTH = "Basic "
			+ Base64.getEncoder().encodeToString("test-write-key:".getBytes(StandardCharsets.UTF_8));

	private final ObjectMapper json = new ObjectMapper();

	@Autowired
	private JdbcTemplate db;

	@Autowired
	private org.springframework.web.context.WebApplicationContext context;

	/** As a provider calls: no login, none of the test defaults (a CSRF parameter). */
	private org.springframework.test.web.servlet.MockMvc provider;

	@org.junit.jupiter.api.BeforeEach
	void providerClient() {
		this.provider = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(this.context)
			.apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
			.build();
	}

	private final String run = "fz-" + UUID.randomUUID().toString().substring(0, 8) + "-";

	private final Set<String> accepted = new HashSet<>();

	@Test
	void malformedInputNeverFailsTheServerAndStoresExactlyWhatWasAccepted() throws Exception {
		long seed = Long.getLong("encore.fuzz.seed", System.nanoTime());
		System.out.println("IntakeFuzzTest seed=" + seed + " inputs=" + INPUTS);
		MalformedEvents inputs = new MalformedEvents(new Random(seed), this.run);
		for (int i = 0; i < INPUTS; i++) {
			switch (i % 10) {
				case 0, 1, 2, 3, 4 -> check("/api/v1/events", inputs.next(false), false, i);
				case 5 -> check("/api/v1/events/batch", inputs.batch("events", false), false, i);
				case 6, 7 -> check("/v1/" + inputs.segmentType(), inputs.next(true), true, i);
				case 8 -> check("/v1/batch", inputs.batch("batch", true), true, i);
				default -> {
					if (i % 20 == 9) {
						check("/api/v1/events", inputs.raw(), false, i);
					}
					else {
						webhook(inputs, i);
					}
				}
			}
		}
		Set<String> stored = new HashSet<>(this.db
			.queryForList("select message_id from encore_event where message_id like ?", String.class, this.run + "%"));
		Set<String> lost = new HashSet<>(this.accepted);
		lost.removeAll(stored);
		stored.removeAll(this.accepted);
		assertThat(lost).as("accepted but not stored").isEmpty();
		assertThat(stored).as("stored but not accepted").isEmpty();
		assertThat(this.accepted).as("the generator also produces valid events").isNotEmpty();
	}

	private void check(String path, byte[] body, boolean segment, int index) throws Exception {
		var request = post(path).contentType(MediaType.APPLICATION_JSON).content(body);
		if (segment) {
			request.header("Authorization", SEGMENT_AUTH);
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		String input = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as("input %d to %s: %s", index, path, input).isLessThan(500);
		if (response.getStatus() >= 400) {
			assertThat(response.getContentType()).as("input %d to %s: %s", index, path, input)
				.isEqualTo("application/problem+json");
			assertThat(this.json.readTree(response.getContentAsByteArray()).path("detail").asText()).isNotBlank();
			return;
		}
		JsonNode answer = this.json.readTree(response.getContentAsByteArray());
		if (answer.has("results")) {
			answer.get("results").forEach((item) -> remember(item.path("messageId").asText(), item.path("status")));
		}
		else if (answer.has("messageId")) {
			remember(answer.get("messageId").asText(), answer.path("status"));
		}
		else if (segment && !path.endsWith("batch") && !path.endsWith("alias")) {
			// Segment's single calls answer {"success": true}: find the id in what was
			// sent. (An alias merges two ids and is no event of its own.)
			JsonNode sent = this.json.readTree(body);
			remember(sent.path("messageId").asText(), answer.path("status"));
		}
	}

	/**
	 * The webhooks and the unsubscribe link get the same junk, correctly signed where a
	 * provider signs, so that it reaches the parsing behind the signature check.
	 */
	private void webhook(MalformedEvents inputs, int index) throws Exception {
		byte[] body = index % 3 == 0 ? inputs.raw() : inputs.next(false);
		MockHttpServletResponse response = switch (index % 3) {
			case 0 -> this.provider
				.perform(post("/webhooks/line").contentType(MediaType.APPLICATION_JSON)
					.content(body)
					.header("X-Line-Signature", dev.encore.engine.consent.WebhookSignatures.line(body)))
				.andReturn()
				.getResponse();
			case 1 -> {
				var request = post("/webhooks/twilio/inbound").contentType(MediaType.APPLICATION_FORM_URLENCODED);
				java.util.Map<String, String> form = inputs.form();
				form.forEach(request::param);
				yield this.provider
					.perform(request.header("X-Twilio-Signature",
							dev.encore.engine.consent.WebhookSignatures.twilio(form)))
					.andReturn()
					.getResponse();
			}
			default ->
				this.provider
					.perform(post("/unsubscribe/" + inputs.token()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
						.content("List-Unsubscribe=One-Click"))
					.andReturn()
					.getResponse();
		};
		String input = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as("webhook input %d: %s", index, input).isLessThan(500);
		if (response.getStatus() >= 400) {
			assertThat(response.getContentType()).as("webhook input %d", index).isEqualTo("application/problem+json");
		}
	}

	private void remember(String messageId, JsonNode status) {
		if (messageId.startsWith(this.run) && ("accepted".equals(status.asText()))) {
			this.accepted.add(messageId);
		}
	}

	/** Valid storefront events, then broken in one of many ways. */
	private static final class MalformedEvents {

		private static final String[] NAMES = { "Order Completed", "Checkout Started", "Product Viewed", "Signed Up",
				"Order Refunded", "Email Opened", "Cart Viewed" };

		private static final String[] FIELDS = { "messageId", "type", "event", "userId", "anonymousId", "timestamp",
				"properties", "traits", "context", "previousId", "batch" };

		private static final String[] EDGES = { "", " ", "\u0000", "\uFEFF", "\u202Eevil", "\uD83D\uDE00", "\uD800",
				"\uDFFF", "\n\r\t", "null", "${jndi:ldap://x}", "{{ 7*7 }}", "<script>", "' or 1=1 --", "9".repeat(400),
				"\u00e9\u0301", "\u4e2d\u6587", "-0", "1e999", "NaN" };

		private final Random random;

		private final String run;

		private final Iterator<String> unicode;

		private final ObjectMapper json = new ObjectMapper();

		private int sequence;

		MalformedEvents(Random random, String run) {
			this.random = random;
			this.run = run;
			this.unicode = Arbitraries.strings().all().ofMaxLength(80).sampleStream().iterator();
		}

		/** Twilio's form fields with junk values (and sometimes a STOP). */
		java.util.Map<String, String> form() {
			java.util.Map<String, String> form = new java.util.HashMap<>();
			for (String field : new String[] { "From", "Body", "MessageSid", "To", "AccountSid" }) {
				if (this.random.nextInt(6) > 0) {
					form.put(field, this.random.nextInt(5) == 0 ? "STOP" : string().replace("\u0000", ""));
				}
			}
			return form;
		}

		/**
		 * Random, truncated or bit-flipped base64url: never a valid unsubscribe token.
		 */
		String token() {
			byte[] raw = new byte[this.random.nextInt(200)];
			this.random.nextBytes(raw);
			String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
			return token.isEmpty() ? "x" : token;
		}

		String segmentType() {
			return new String[] { "track", "identify", "alias", "page" }[this.random.nextInt(4)];
		}

		byte[] next(boolean segment) {
			return bytes(mutate(valid(segment)));
		}

		byte[] batch(String field, boolean segment) {
			var batch = this.json.createObjectNode();
			var items = batch.putArray(field);
			int size = this.random.nextInt(6);
			for (int i = 0; i < size; i++) {
				items.add(this.random.nextBoolean() ? valid(segment) : mutate(valid(segment)));
			}
			return bytes(this.random.nextInt(8) == 0 ? mutate(batch) : batch);
		}

		/** Text that is not (quite) JSON: truncated, spliced, binary, nested too deep. */
		byte[] raw() {
			String text = new String(bytes(valid(false)), StandardCharsets.UTF_8);
			return switch (this.random.nextInt(6)) {
				case 0 -> text.substring(0, this.random.nextInt(text.length())).getBytes(StandardCharsets.UTF_8);
				case 1 -> {
					int at = this.random.nextInt(text.length());
					yield (text.substring(0, at) + "\",{]\\u" + text.substring(at)).getBytes(StandardCharsets.UTF_8);
				}
				case 2 -> {
					byte[] noise = new byte[this.random.nextInt(2048)];
					this.random.nextBytes(noise);
					yield noise;
				}
				case 3 -> {
					int depth = 500 + this.random.nextInt(5000);
					yield (text.replace("\"properties\":{",
							"\"properties\":{\"x\":" + "[".repeat(depth) + "1" + "]".repeat(depth) + ","))
						.getBytes(StandardCharsets.UTF_8);
				}
				case 4 -> text.replace("\"userId\":\"", "\"userId\":\"\\ud800\\u0000").getBytes(StandardCharsets.UTF_8);
				default -> ("{\"messageId\":\"" + this.run + "big-" + this.sequence++ + "\",\"type\":\"track\","
						+ "\"event\":\"Product Viewed\",\"userId\":\"fz\",\"properties\":{\"blob\":\""
						+ "x".repeat(33_000 + this.random.nextInt(100_000)) + "\"}}")
					.getBytes(StandardCharsets.UTF_8);
			};
		}

		private com.fasterxml.jackson.databind.node.ObjectNode valid(boolean segment) {
			var event = this.json.createObjectNode();
			event.put("messageId", this.run + this.sequence++);
			String customer = "fz-customer-" + this.random.nextInt(50);
			if (this.random.nextInt(4) == 0) {
				event.put("type", "identify");
				event.put("userId", customer);
				var traits = event.putObject("traits");
				traits.put("email", customer + "@example.org");
				traits.put("firstName", string());
				traits.put("timezone", this.random.nextBoolean() ? "Asia/Taipei" : string());
			}
			else {
				event.put("type", "track");
				event.put("event", NAMES[this.random.nextInt(NAMES.length)]);
				event.put(segment && this.random.nextBoolean() ? "anonymousId" : "userId", customer);
				var properties = event.putObject("properties");
				properties.put("order_id", "o-" + this.random.nextInt(1000));
				properties.put("total", this.random.nextInt(500));
				var product = properties.putArray("products").addObject();
				product.put("product_id", "p-" + this.random.nextInt(20));
				product.put("name", string());
				product.put("quantity", this.random.nextInt(5));
				if (this.random.nextInt(3) == 0) {
					// Where the visit came from, as junk as storefronts send it.
					var context = event.putObject("context");
					var campaign = context.putObject("campaign");
					campaign.put("source", string());
					campaign.put("medium", string());
					campaign.put("name", string());
					var page = context.putObject("page");
					page.put("url", "https://shop.example.com/" + string() + "?utm_source=" + string());
					page.put("referrer", string());
				}
			}
			return event;
		}

		/**
		 * One field replaced by a value of another type, or removed, or set to an edge.
		 */
		private <T extends JsonNode> JsonNode mutate(com.fasterxml.jackson.databind.node.ObjectNode event) {
			int mutations = 1 + this.random.nextInt(3);
			for (int i = 0; i < mutations; i++) {
				String field = FIELDS[this.random.nextInt(FIELDS.length)];
				if (this.random.nextInt(5) == 0) {
					event.remove(field);
				}
				else {
					event.set(field, anyValue(0));
				}
			}
			return event;
		}

		private JsonNode anyValue(int depth) {
			var nodes = this.json.getNodeFactory();
			return switch (this.random.nextInt(depth > 3 ? 6 : 8)) {
				case 0 -> nodes.nullNode();
				case 1 -> nodes.booleanNode(this.random.nextBoolean());
				case 2 -> nodes.numberNode(this.random.nextLong());
				case 3 -> nodes.numberNode(this.random.nextDouble() * Math.pow(10, this.random.nextInt(600) - 300));
				case 4, 5 -> nodes.textNode(string());
				case 6 -> {
					var array = nodes.arrayNode();
					for (int i = this.random.nextInt(4); i > 0; i--) {
						array.add(anyValue(depth + 1));
					}
					yield array;
				}
				default -> {
					var object = nodes.objectNode();
					for (int i = this.random.nextInt(4); i > 0; i--) {
						object.set(string(), anyValue(depth + 1));
					}
					yield object;
				}
			};
		}

		private String string() {
			return this.random.nextBoolean() ? EDGES[this.random.nextInt(EDGES.length)] : this.unicode.next();
		}

		private byte[] bytes(JsonNode node) {
			try {
				return this.json.writeValueAsBytes(node);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
