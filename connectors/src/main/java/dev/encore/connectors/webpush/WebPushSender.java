package dev.encore.connectors.webpush;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.martijndwars.webpush.Notification;
import nl.martijndwars.webpush.Urgency;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.encore.connectors.Channel;
import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.MessageSender;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;
import dev.encore.connectors.PushDevices;
import dev.encore.connectors.PushOutcomes;
import dev.encore.connectors.TransientDeliveryException;

/**
 * Pushes a notification to every browser a customer subscribed (RFC 8030), the payload
 * encrypted for each (RFC 8291, aes128gcm) and signed with Encore's VAPID key (RFC 8292).
 * The library prepares each request; the JDK's client sends it, with a timeout. A push
 * service's 404 or 410 means the subscription is gone: it is reported and never used
 * again. The send counts as sent when one browser took it; a later retry would push twice
 * to those that did.
 */
public class WebPushSender implements MessageSender {

	private static final Logger log = LoggerFactory.getLogger(WebPushSender.class);

	public static final Channel WEBPUSH = new Channel("webpush");

	private final WebPushSettings settings;

	private final PushHosts hosts;

	private final PushDevices<WebPushSubscription> subscriptions;

	private final VapidRequests vapid;

	private final HttpClient http;

	private final ObjectMapper json = new ObjectMapper();

	public WebPushSender(WebPushSettings settings, PushDevices<WebPushSubscription> subscriptions) {
		if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
			Security.addProvider(new BouncyCastleProvider());
		}
		this.settings = settings;
		this.hosts = settings.hosts();
		this.subscriptions = subscriptions;
		this.vapid = VapidRequests.of(settings);
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public boolean supports(Channel channel) {
		return WEBPUSH.equals(channel);
	}

	@Override
	public DeliveryResult send(OutboundMessage message) {
		if (!(message.content() instanceof WebPushContent content)) {
			throw new PermanentDeliveryException("wrong_content", "Web push needs WebPushContent", null);
		}
		List<WebPushSubscription> devices = this.subscriptions.of(message.customerId());
		if (devices.isEmpty()) {
			throw new PermanentDeliveryException("no_push_subscription", "The customer has no browser subscribed",
					null);
		}
		byte[] payload = payload(content);
		PushOutcomes outcomes = new PushOutcomes("push_subscription_gone");
		for (WebPushSubscription device : devices) {
			push(message, device, content, payload, outcomes);
		}
		log.info("Web push customer={} devices={} accepted={} gone={}", message.customerId(), devices.size(),
				outcomes.acceptedCount(), outcomes.goneCount());
		return outcomes.result();
	}

	private void push(OutboundMessage message, WebPushSubscription device, WebPushContent content, byte[] payload,
			PushOutcomes outcomes) {
		if (!this.hosts.allows(device.endpoint())) {
			// Registration refuses these; one stored before the list changed stays
			// unused.
			outcomes.failed(new PermanentDeliveryException("push_host_not_allowed", "Push service not allowed", null));
			return;
		}
		int status;
		HttpResponse<Void> response;
		try {
			response = this.http.send(request(device, content, payload), HttpResponse.BodyHandlers.discarding());
			status = response.statusCode();
		}
		catch (ConnectException | HttpConnectTimeoutException ex) {
			// Never connected: the push service did not get it.
			outcomes.failed(new TransientDeliveryException("webpush_unreachable", "Push service unreachable", ex));
			return;
		}
		catch (IOException ex) {
			outcomes.failed(new TransientDeliveryException("webpush_connection", "No answer from the push service", ex,
					null, true));
			return;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			outcomes.failed(new TransientDeliveryException("interrupted", "Interrupted", ex));
			return;
		}
		String reason = "webpush_" + status;
		if (status >= 200 && status < 300) {
			outcomes.accepted(response.headers().firstValue("Location").orElse(device.uri().getHost()));
		}
		else if (status == 404 || status == 410) {
			this.subscriptions.gone(message.customerId(), device);
			outcomes.gone();
		}
		else if (status == 429 || status >= 500) {
			outcomes.failed(new TransientDeliveryException(reason, "Push service answered " + status, null,
					TransientDeliveryException
						.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null))));
		}
		else {
			outcomes.failed(new PermanentDeliveryException(reason, "Push service answered " + status, null));
		}
	}

	private HttpRequest request(WebPushSubscription device, WebPushContent content, byte[] payload) {
		try {
			Notification notification = Notification.builder()
				.endpoint(device.endpoint())
				.userPublicKey(device.p256dh())
				.userAuth(device.auth())
				.payload(payload)
				.ttl((int) Math.min(Integer.MAX_VALUE, content.ttl().toSeconds()))
				.urgency(Urgency.valueOf(content.urgency().toUpperCase(Locale.ROOT).replace('-', '_')))
				.build();
			nl.martijndwars.webpush.HttpRequest prepared = this.vapid.prepare(notification);
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(prepared.getUrl()))
				.timeout(this.settings.timeout())
				.POST(HttpRequest.BodyPublishers.ofByteArray(prepared.getBody()));
			// The JDK client sets Content-Length itself.
			prepared.getHeaders().forEach(request::header);
			return request.build();
		}
		catch (GeneralSecurityException | IOException | org.jose4j.lang.JoseException | RuntimeException ex) {
			// A subscription whose keys are not a P-256 point and a 16-byte secret.
			throw new PermanentDeliveryException("invalid_push_subscription", "Cannot encrypt for this browser", ex);
		}
	}

	private byte[] payload(WebPushContent content) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("title", content.title());
		fields.put("body", content.body());
		if (content.url() != null) {
			fields.put("url", content.url());
		}
		if (content.icon() != null) {
			fields.put("icon", content.icon());
		}
		try {
			return this.json.writeValueAsBytes(fields);
		}
		catch (JsonProcessingException ex) {
			throw new PermanentDeliveryException("wrong_content", "Cannot write the notification", ex);
		}
	}

}
