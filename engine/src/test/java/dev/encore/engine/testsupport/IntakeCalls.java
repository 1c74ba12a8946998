package dev.encore.engine.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One call to every intake endpoint that applies events (Encore's event API, single and
 * batch, and Segment's track, identify, alias, page and batch) for one customer, each
 * with fixed message ids so a test can send exactly the same calls again, as a client
 * retrying after a 503 does. Segment's group calls are acknowledged without touching a
 * store, so they are not here; screen is page's twin.
 */
public final class IntakeCalls {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Call anonymousCart;

	private final List<Call> calls;

	private IntakeCalls(Call anonymousCart, List<Call> calls) {
		this.anonymousCart = anonymousCart;
		this.calls = calls;
	}

	/**
	 * A call to each endpoint for the customer (and two others the Segment batch names).
	 */
	public static IntakeCalls forCustomer(String customer) {
		TestEvents viewed = TestEvents.track("Product Viewed", customer).with("product_id", "p-1");
		TestEvents added = TestEvents.track("Product Added", customer).with("product_id", "p-1");
		Map<String, String> ids = Map.of("019mr8mf4r", customer, "971mj8mk7p", customer + "-friend",
				"39239-239239-239239-23923", customer + "-anonymous", "507f191e810c19729de860ea", customer + "-visitor",
				"507f191e810c19729de860eb", customer + "-other-visitor");
		String cart = TestEvents.checkoutStarted(customer + "-anonymous")
			.withProduct("Linen shirt", 1, 49.0)
			.json()
			.replace("\"userId\":", "\"anonymousId\":");
		List<Call> calls = new ArrayList<>();
		calls.add(new Call("/api/v1/events", TestEvents.orderCompleted(customer).json()));
		calls.add(new Call("/api/v1/events/batch", "{\"batch\":[" + viewed.json() + "," + added.json() + "]}"));
		calls.add(new Call("/v1/identify", SegmentFixtures.load("identify", ids)));
		calls.add(new Call("/v1/track", SegmentFixtures.load("track", ids)));
		calls.add(new Call("/v1/alias", SegmentFixtures.load("alias", ids)));
		calls.add(new Call("/v1/batch", SegmentFixtures.load("batch", ids)));
		calls.add(new Call("/v1/page", SegmentFixtures.load("page", ids)));
		return new IntakeCalls(new Call("/v1/track", cart), List.copyOf(calls));
	}

	/**
	 * What must be there before the calls, so that each needs the stores: the anonymous
	 * visitor's cart that the alias call moves to the customer.
	 */
	public HttpResponse<String> prepare(String baseUrl) {
		return this.anonymousCart.send(baseUrl);
	}

	/** Sends every call once; the responses by path. */
	public Map<String, HttpResponse<String>> send(String baseUrl) {
		Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
		for (Call call : this.calls) {
			responses.put(call.path(), call.send(baseUrl));
		}
		return responses;
	}

	/** Every call: endpoint and JSON body. */
	public List<Call> calls() {
		return this.calls;
	}

	/** The message id of every event the calls carry (an alias is no event). */
	public List<String> messageIds() {
		return this.calls.stream().flatMap((call) -> call.messageIds().stream()).toList();
	}

	/** How many of the calls' message ids the event history holds (each at most once). */
	public long stored(JdbcTemplate jdbc) {
		return messageIds().stream()
			.mapToLong((id) -> jdbc.queryForObject("select count(*) from encore_event where message_id = ?", Long.class,
					id))
			.sum();
	}

	/** One call: the endpoint and its JSON body. */
	public record Call(String path, String body) {

		List<String> messageIds() {
			try {
				JsonNode root = JSON.readTree(this.body);
				List<String> ids = new ArrayList<>();
				for (JsonNode call : root.has("batch") ? root.path("batch") : List.of(root)) {
					if (Set.of("track", "identify", "page").contains(call.path("type").asText())) {
						ids.add(call.path("messageId").asText());
					}
				}
				return ids;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		HttpResponse<String> send(String baseUrl) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + this.path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(this.body));
			if (this.path.startsWith("/v1/")) {
				request.header("Authorization", SegmentFixtures.basic(SegmentFixtures.WRITE_KEY));
			}
			try {
				return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
