package dev.encore.connectors.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.encore.connectors.Channel;
import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.MessageSender;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;
import dev.encore.connectors.TransientDeliveryException;

/**
 * Posts a webhook step's JSON to the shop's own system, signed ({@link WebhookSignature})
 * and with the send key as {@code Idempotency-Key}, so the receiver can drop a repeat: a
 * timeout is retried although the request may have arrived. Made exactly once per call
 * (no client retries, no redirects): the engine's job retries decide. Only
 * {@link AllowedHosts} are called.
 */
public class WebhookSender implements MessageSender, AutoCloseable {

	public static final Channel WEBHOOK = new Channel("webhook");

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private final WebhookSettings settings;

	private final AllowedHosts hosts;

	private final Clock clock;

	private final CloseableHttpClient http;

	public WebhookSender(WebhookSettings settings, Clock clock) {
		this.settings = settings;
		this.hosts = new AllowedHosts(settings.allowedHosts());
		this.clock = clock;
		Timeout timeout = Timeout.of(settings.timeout());
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new CheckedDns(settings.dns(), this.hosts))
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.build();
	}

	@Override
	public boolean supports(Channel channel) {
		return WEBHOOK.equals(channel);
	}

	@Override
	public DeliveryResult send(OutboundMessage message) {
		if (!(message.content() instanceof WebhookContent content)) {
			throw new PermanentDeliveryException("wrong_content", "A webhook needs WebhookContent", null);
		}
		String refusal = this.hosts.refusal(message.recipient());
		if (refusal != null) {
			throw new PermanentDeliveryException("webhook_host_refused", "The webhook URL " + refusal, null);
		}
		HttpPost post = new HttpPost(URI.create(message.recipient().strip()));
		post.setHeader(WebhookSignature.HEADER,
				WebhookSignature.header(this.settings.secret(), this.clock.instant().getEpochSecond(), content.json()));
		post.setHeader("Idempotency-Key", message.sendKey());
		post.setEntity(new ByteArrayEntity(content.json().getBytes(StandardCharsets.UTF_8),
				ContentType.create("application/json")));
		Answer answer = call(post);
		if (answer.status() >= 200 && answer.status() < 300) {
			log.info("Webhook accepted customer={} status={}", message.customerId(), answer.status());
			return new DeliveryResult(answer.requestId() != null ? answer.requestId() : message.sendKey());
		}
		String reason = "webhook_" + answer.status();
		if (answer.status() >= 500 || answer.status() == 408 || answer.status() == 429) {
			throw new TransientDeliveryException(reason, "The webhook answered " + answer.status(), null,
					TransientDeliveryException.parseRetryAfter(answer.retryAfter()));
		}
		throw new PermanentDeliveryException(reason, "The webhook answered " + answer.status(), null);
	}

	private Answer call(HttpPost post) {
		try {
			return this.http.execute(post, (response) -> {
				EntityUtils.consume(response.getEntity());
				return new Answer(response.getCode(), value(response.getFirstHeader("X-Request-Id")),
						value(response.getFirstHeader("Retry-After")));
			});
		}
		catch (CheckedDns.RefusedAddressException ex) {
			throw new PermanentDeliveryException("webhook_host_refused", ex.getMessage(), ex);
		}
		catch (UnknownHostException | ConnectTimeoutException | HttpHostConnectException ex) {
			// Nothing reached the receiver.
			throw new TransientDeliveryException("webhook_connection", "Could not connect to the webhook", ex);
		}
		catch (IOException ex) {
			// The request may have arrived: the Idempotency-Key makes a retry safe.
			throw new TransientDeliveryException("webhook_no_answer", "No answer from the webhook", ex, null, true);
		}
	}

	private static String value(Header header) {
		return header == null ? null : header.getValue();
	}

	@Override
	public void close() throws IOException {
		this.http.close();
	}

	private record Answer(int status, String requestId, String retryAfter) {
	}

}
