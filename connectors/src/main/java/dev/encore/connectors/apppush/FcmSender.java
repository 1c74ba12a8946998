package dev.encore.connectors.apppush;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.List;
import java.util.UUID;

import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.ErrorCode;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.encore.connectors.Channel;
import dev.encore.connectors.DeliveryException;
import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.MessageSender;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;
import dev.encore.connectors.PushDevices;
import dev.encore.connectors.PushOutcomes;
import dev.encore.connectors.TransientDeliveryException;

/**
 * Sends an app notification to every device token of a customer through Firebase Cloud
 * Messaging HTTP v1 (Android and, through APNs, iOS) with the Firebase Admin SDK, which
 * signs in as the service account. {@code UNREGISTERED} (or 404) means the app was
 * removed or the token replaced: the token is reported and never used again. The send
 * counts as sent when one device took it.
 */
public class FcmSender implements MessageSender, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(FcmSender.class);

	public static final Channel APPPUSH = new Channel("apppush");

	private final FirebaseApp app;

	private final FirebaseMessaging messaging;

	private final PushDevices<String> tokens;

	public FcmSender(FcmSettings settings, PushDevices<String> tokens) {
		this.tokens = tokens;
		int timeout = (int) settings.timeout().toMillis();
		try {
			FirebaseOptions options = FirebaseOptions.builder()
				.setCredentials(GoogleCredentials.fromStream(new ByteArrayInputStream(settings.serviceAccountJson())))
				.setHttpTransport(FcmTransport.to(settings.baseUrl()))
				.setConnectTimeout(timeout)
				.setReadTimeout(timeout)
				.build();
			// Apps are named globally in the SDK; each sender keeps its own.
			this.app = FirebaseApp.initializeApp(options, "encore-" + UUID.randomUUID());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The FCM service account is not a service-account JSON", ex);
		}
		this.messaging = FirebaseMessaging.getInstance(this.app);
	}

	@Override
	public boolean supports(Channel channel) {
		return APPPUSH.equals(channel);
	}

	@Override
	public DeliveryResult send(OutboundMessage message) {
		if (!(message.content() instanceof AppPushContent content)) {
			throw new PermanentDeliveryException("wrong_content", "App push needs AppPushContent", null);
		}
		List<String> devices = this.tokens.of(message.customerId());
		if (devices.isEmpty()) {
			throw new PermanentDeliveryException("no_app_push_token", "The customer has no app registered", null);
		}
		PushOutcomes outcomes = new PushOutcomes("app_push_token_gone");
		for (String token : devices) {
			try {
				outcomes.accepted(this.messaging.send(message(token, content)));
			}
			catch (FirebaseMessagingException ex) {
				if (isGone(ex)) {
					this.tokens.gone(message.customerId(), token);
					outcomes.gone();
				}
				else {
					outcomes.failed(classify(ex));
				}
			}
		}
		log.info("App push customer={} devices={} accepted={} gone={}", message.customerId(), devices.size(),
				outcomes.acceptedCount(), outcomes.goneCount());
		return outcomes.result();
	}

	static Message message(String token, AppPushContent content) {
		Message.Builder message = Message.builder()
			.setToken(token)
			.setNotification(Notification.builder()
				.setTitle(content.title())
				.setBody(content.body())
				.setImage(content.icon())
				.build());
		if (content.url() != null) {
			message.putData("url", content.url());
		}
		return message.build();
	}

	private static boolean isGone(FirebaseMessagingException ex) {
		return ex.getMessagingErrorCode() == MessagingErrorCode.UNREGISTERED
				|| ex.getErrorCode() == ErrorCode.NOT_FOUND;
	}

	private static DeliveryException classify(FirebaseMessagingException ex) {
		String reason = "fcm_"
				+ (ex.getMessagingErrorCode() != null ? ex.getMessagingErrorCode() : ex.getErrorCode()).name()
					.toLowerCase(java.util.Locale.ROOT);
		if (ex.getHttpResponse() == null) {
			if (causedBy(ex, HttpResponseException.class) || causedBy(ex, ConnectException.class)) {
				// The token endpoint refused, or no connection: FCM never saw the
				// message.
				return new TransientDeliveryException("fcm_unreachable", "Could not reach FCM", ex);
			}
			return new TransientDeliveryException("fcm_connection", "No answer from FCM", ex, null, true);
		}
		return switch (ex.getErrorCode()) {
			// Quota, outage, or credentials the operator can fix: a later attempt may
			// send.
			case RESOURCE_EXHAUSTED, UNAVAILABLE, INTERNAL, UNKNOWN, DEADLINE_EXCEEDED, UNAUTHENTICATED ->
				new TransientDeliveryException(reason, "FCM answered " + ex.getHttpResponse().getStatusCode(), ex);
			default ->
				new PermanentDeliveryException(reason, "FCM answered " + ex.getHttpResponse().getStatusCode(), ex);
		};
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		this.app.delete();
	}

}
