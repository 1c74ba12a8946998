package dev.encore.connectors.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A push service (RFC 8030) on 127.0.0.1 that checks what it is sent: the VAPID header
 * (RFC 8292: an ES256 JWT verified with the application server's public key, {@code aud}
 * the endpoint's origin, {@code exp} in the future, {@code sub} the contact) before it
 * answers 201; a request that fails the check gets 401 and is recorded as refused. A
 * device can be told to answer otherwise (410 for an unsubscribed browser, 429...).
 */
public final class TestPushService implements AutoCloseable {

	private static final Pattern VAPID = Pattern.compile("vapid t=([^,]+), k=(\\S+)");

	private final HttpServer server;

	private final KeyPair vapid;

	private final String subject;

	private final Map<String, Integer> answers = new ConcurrentHashMap<>();

	private final List<Push> pushes = new CopyOnWriteArrayList<>();

	/** One push as the service took it, or refused it ({@code problem} says why). */
	public record Push(String device, Map<String, List<String>> headers, byte[] body, String problem) {

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	public TestPushService(String subject) {
		this.vapid = TestBrowser.p256KeyPair();
		this.subject = subject;
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/push/", this::handle);
		this.server.start();
	}

	/** The VAPID public key the application server must sign with, base64url. */
	public String vapidPublicKey() {
		return TestBrowser.base64url(TestBrowser.uncompressed((ECPublicKey) this.vapid.getPublic()));
	}

	public String vapidPrivateKey() {
		return TestBrowser.base64url(TestBrowser.fixed(((ECPrivateKey) this.vapid.getPrivate()).getS()));
	}

	/** This service's allow-list entry: plain HTTP to it, for tests only. */
	public String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public String endpoint(String device) {
		return origin() + "/push/" + device;
	}

	/** The device's next pushes get this status instead of 201. */
	public void answer(String device, int status) {
		this.answers.put(device, status);
	}

	public List<Push> pushesTo(String device) {
		return this.pushes.stream().filter((push) -> push.device().equals(device)).toList();
	}

	public List<Push> pushes() {
		return List.copyOf(this.pushes);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String device = exchange.getRequestURI().getPath().substring("/push/".length());
		byte[] body = exchange.getRequestBody().readAllBytes();
		String problem = checkVapid(exchange.getRequestHeaders().getFirst("Authorization"));
		this.pushes.add(new Push(device, Map.copyOf(exchange.getRequestHeaders()), body, problem));
		int status = (problem != null) ? 401 : this.answers.getOrDefault(device, 201);
		if (status == 201) {
			exchange.getResponseHeaders().add("Location", origin() + "/message/" + device + "-" + this.pushes.size());
		}
		if (status == 429) {
			exchange.getResponseHeaders().add("Retry-After", "120");
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	/** Null when the header is a valid VAPID authorization for this service. */
	private String checkVapid(String authorization) {
		Matcher vapid = (authorization == null) ? null : VAPID.matcher(authorization);
		if (vapid == null || !vapid.matches()) {
			return "no vapid authorization";
		}
		if (!vapid.group(2).equals(vapidPublicKey())) {
			return "k is not the application server's key";
		}
		String[] jwt = vapid.group(1).split("\\.");
		try {
			Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
			es256.initVerify(this.vapid.getPublic());
			es256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
			if (!es256.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
				return "bad signature";
			}
			Map<?, ?> header = new ObjectMapper().readValue(Base64.getUrlDecoder().decode(jwt[0]), Map.class);
			Map<?, ?> claims = new ObjectMapper().readValue(Base64.getUrlDecoder().decode(jwt[1]), Map.class);
			if (!"ES256".equals(header.get("alg"))) {
				return "alg is not ES256";
			}
			// The library names the origin without its port; push services all use 443.
			if (!"http://127.0.0.1".equals(claims.get("aud"))) {
				return "aud is not the push service's origin: " + claims.get("aud");
			}
			long exp = ((Number) claims.get("exp")).longValue();
			if (exp <= Instant.now().getEpochSecond() || exp > Instant.now().plusSeconds(86400).getEpochSecond()) {
				return "exp is not within 24 hours";
			}
			if (!this.subject.equals(claims.get("sub"))) {
				return "sub is not the contact";
			}
			return null;
		}
		catch (GeneralSecurityException | IOException | RuntimeException ex) {
			return "unreadable jwt: " + ex;
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
