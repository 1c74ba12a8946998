package dev.encore.connectors.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The Twilio SDK's transport, replaced: the SDK's own client retries a POST that got a
 * 5xx, which can send one SMS twice. Here every request is made exactly once; the retry
 * decision belongs to the journey engine, which knows whether the message may already
 * have gone. Requests go to {@link SmsSettings#baseUrl()} (Twilio, or a test server).
 */
class SingleAttemptHttpClient extends HttpClient {

	private final java.net.http.HttpClient http;

	private final URI baseUrl;

	private final Duration timeout;

	SingleAttemptHttpClient(URI baseUrl, Duration timeout) {
		this.baseUrl = baseUrl;
		this.timeout = timeout;
		this.http = java.net.http.HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	public Response reliableRequest(Request request) {
		return makeRequest(request);
	}

	@Override
	public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
		return makeRequest(request);
	}

	@Override
	public Response makeRequest(Request request) {
		URL original = request.constructURL();
		String target = this.baseUrl.toString().replaceAll("/$", "") + original.getFile();
		String body = request.getMethod() == HttpMethod.POST ? request.encodeFormBody() : "";
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target))
			.timeout(this.timeout)
			.method(request.getMethod().toString(),
					body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
							: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.header("Accept", "application/json");
		if (!body.isEmpty()) {
			builder.header("Content-Type", "application/x-www-form-urlencoded");
		}
		if (request.getUsername() != null) {
			String credentials = request.getUsername() + ":" + request.getPassword();
			builder.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
			header.getValue().forEach((value) -> builder.header(header.getKey(), value));
		}
		try {
			HttpResponse<String> response = this.http.send(builder.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() == 429) {
				throw new RateLimitedException(response.headers().firstValue("Retry-After").orElse(null));
			}
			Header[] headers = response.headers()
				.map()
				.entrySet()
				.stream()
				.flatMap((entry) -> entry.getValue().stream().map((value) -> new BasicHeader(entry.getKey(), value)))
				.toArray(Header[]::new);
			return new Response(response.body(), response.statusCode(), headers);
		}
		catch (HttpTimeoutException ex) {
			throw new ConnectionFailedException("timeout", ex);
		}
		catch (IOException ex) {
			throw new ConnectionFailedException("connection_failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConnectionFailedException("interrupted", ex);
		}
	}

	/**
	 * Twilio answered 429: the SDK would hide the Retry-After header, so it travels here.
	 */
	static final class RateLimitedException extends RuntimeException {

		final String retryAfter;

		RateLimitedException(String retryAfter) {
			super("Twilio rate limit", null, false, false);
			this.retryAfter = retryAfter;
		}

	}

	/** No answer from Twilio: the message may or may not have been accepted. */
	static final class ConnectionFailedException extends RuntimeException {

		final String reason;

		ConnectionFailedException(String reason, Throwable cause) {
			super(reason, cause);
			this.reason = reason;
		}

	}

}
