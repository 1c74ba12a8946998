package dev.encore.connectors.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Google's OAuth token endpoint and FCM HTTP v1 on 127.0.0.1, checking what they are
 * sent: the token grant must be a JWT bearer assertion (RFC 7523) signed with the service
 * account's key, for the FCM scope; a send must carry the token granted and a message for
 * one device. A token can be made to answer {@code UNREGISTERED} or another error.
 */
public final class TestFcm implements AutoCloseable {

	public static final String PROJECT = "encore-test";

	static final String CLIENT_EMAIL = "encore@encore-test.iam.gserviceaccount.com";

	private static final String ACCESS_TOKEN = "ya29.test-access-token";

	private final ObjectMapper json = new ObjectMapper();

	private final HttpServer server;

	private final KeyPair serviceAccountKey;

	private final Map<String, Integer> answers = new ConcurrentHashMap<>();

	private final List<Map<String, Object>> messages = new CopyOnWriteArrayList<>();

	private final List<String> refused = new CopyOnWriteArrayList<>();

	private volatile int grants;

	private volatile boolean refuseGrants;

	public TestFcm() {
		try {
			KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
			rsa.initialize(2048);
			this.serviceAccountKey = rsa.generateKeyPair();
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/token", this::token);
		this.server.createContext("/v1/projects/", this::send);
		this.server.start();
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** A service-account JSON whose key only this stand-in knows. */
	public String serviceAccountJson() {
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(this.serviceAccountKey.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		Map<String, String> account = new HashMap<>();
		account.put("type", "service_account");
		account.put("project_id", PROJECT);
		account.put("private_key_id", "key-1");
		account.put("private_key", pem);
		account.put("client_email", CLIENT_EMAIL);
		account.put("client_id", "1234567890");
		account.put("token_uri", baseUrl() + "/token");
		try {
			return this.json.writeValueAsString(account);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Sends to this device token answer {@code status} with FCM's error body. */
	public void answer(String token, int status) {
		this.answers.put(token, status);
	}

	/** The messages FCM accepted or answered, as sent ({@code message} of the body). */
	public List<Map<String, Object>> messages() {
		return List.copyOf(this.messages);
	}

	/** Requests refused by the checks, and why. */
	public List<String> refused() {
		return List.copyOf(this.refused);
	}

	/** The token endpoint refuses every grant from now on (a revoked key). */
	public void refuseGrants() {
		this.refuseGrants = true;
	}

	public int grants() {
		return this.grants;
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		String problem = this.refuseGrants ? "key revoked" : checkGrant(form);
		if (problem != null) {
			this.refused.add(problem);
			respond(exchange, 400, Map.of("error", "invalid_grant", "error_description", problem));
			return;
		}
		this.grants++;
		respond(exchange, 200, Map.of("access_token", ACCESS_TOKEN, "expires_in", 3600, "token_type", "Bearer"));
	}

	private String checkGrant(Map<String, String> form) {
		if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
			return "grant_type is not jwt-bearer";
		}
		String[] jwt = form.getOrDefault("assertion", "").split("\\.");
		try {
			Signature rs256 = Signature.getInstance("SHA256withRSA");
			rs256.initVerify(this.serviceAccountKey.getPublic());
			rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
			if (!rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
				return "assertion not signed by the service account";
			}
			Map<?, ?> claims = this.json.readValue(Base64.getUrlDecoder().decode(jwt[1]), Map.class);
			if (!CLIENT_EMAIL.equals(claims.get("iss"))) {
				return "iss is not the service account";
			}
			// The SDK names Google's token server whatever token_uri says.
			if (!"https://oauth2.googleapis.com/token".equals(claims.get("aud"))) {
				return "aud is not Google's token endpoint";
			}
			// FCM v1 takes either scope; the SDK asks for cloud-platform.
			Set<String> scopes = Set.of(String.valueOf(claims.get("scope")).split(" "));
			if (!scopes.contains("https://www.googleapis.com/auth/firebase.messaging")
					&& !scopes.contains("https://www.googleapis.com/auth/cloud-platform")) {
				return "no scope FCM accepts";
			}
			if (((Number) claims.get("exp")).longValue() <= Instant.now().getEpochSecond()) {
				return "assertion expired";
			}
			return null;
		}
		catch (Exception ex) {
			return "unreadable assertion: " + ex;
		}
	}

	@SuppressWarnings("unchecked")
	private void send(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (!path.equals("/v1/projects/" + PROJECT + "/messages:send")
				|| !("Bearer " + ACCESS_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			this.refused.add("send without the granted token to " + path);
			respond(exchange, 401, Map.of("error", Map.of("code", 401, "status", "UNAUTHENTICATED")));
			return;
		}
		Map<String, Object> body = this.json.readValue(exchange.getRequestBody(), Map.class);
		Map<String, Object> message = (Map<String, Object>) body.get("message");
		this.messages.add(message);
		String token = String.valueOf(message.get("token"));
		int status = this.answers.getOrDefault(token, 200);
		if (status == 200) {
			respond(exchange, 200, Map.of("name", "projects/" + PROJECT + "/messages/" + this.messages.size()));
		}
		else if (status == 404) {
			respond(exchange, 404, error(404, "NOT_FOUND", "UNREGISTERED"));
		}
		else if (status == 400) {
			respond(exchange, 400, error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT"));
		}
		else {
			respond(exchange, status, error(status, (status == 429) ? "RESOURCE_EXHAUSTED" : "INTERNAL",
					(status == 429) ? "QUOTA_EXCEEDED" : "INTERNAL"));
		}
	}

	private static Map<String, Object> error(int code, String status, String fcmError) {
		return Map.of("error", Map.of("code", code, "message", fcmError, "status", status, "details", List
			.of(Map.of("@type", "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode", fcmError))));
	}

	private void respond(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = this.json.writeValueAsBytes(body);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			String[] parts = pair.split("=", 2);
			form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
		}
		return form;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
