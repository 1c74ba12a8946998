package dev.encore.connectors.line;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import com.linecorp.bot.client.base.Result;
import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.FlexBox;
import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.FlexButton;
import com.linecorp.bot.messaging.model.FlexComponent;
import com.linecorp.bot.messaging.model.FlexImage;
import com.linecorp.bot.messaging.model.FlexMessage;
import com.linecorp.bot.messaging.model.FlexText;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.PushMessageRequest;
import com.linecorp.bot.messaging.model.PushMessageResponse;
import com.linecorp.bot.messaging.model.TextMessage;
import com.linecorp.bot.messaging.model.URIAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.encore.connectors.Channel;
import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.LineContent;
import dev.encore.connectors.MessageSender;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;
import dev.encore.connectors.TransientDeliveryException;

/**
 * Pushes LINE messages with the official Messaging API client. The
 * {@code X-Line-Retry-Key} is derived from the send key, so a push retried after a crash
 * or timeout is recognised by LINE: its 409 answer means "already accepted", which is a
 * success here.
 */
public class LinePushSender implements MessageSender {

	private static final Logger log = LoggerFactory.getLogger(LinePushSender.class);

	/** LINE user ids: "U" followed by 32 hex digits. */
	static final Pattern USER_ID = Pattern.compile("U[0-9a-f]{32}");

	static final String ACCEPTED_REQUEST_ID = "x-line-accepted-request-id";

	private final MessagingApiClient client;

	private final LineSettings settings;

	public LinePushSender(LineSettings settings) {
		this.settings = settings;
		this.client = MessagingApiClient.builder(settings.channelAccessToken())
			.apiEndPoint(settings.baseUrl())
			.connectTimeout(settings.timeout())
			.readTimeout(settings.timeout())
			.writeTimeout(settings.timeout())
			// The wire logger prints recipients and bodies: no personal data in logs.
			.usingDefaultLogger(false)
			.build();
	}

	@Override
	public boolean supports(Channel channel) {
		return Channel.LINE.equals(channel);
	}

	/** The same send key always gives the same retry key (a name-based UUID). */
	public static UUID retryKey(String sendKey) {
		return UUID.nameUUIDFromBytes(("encore-line:" + sendKey).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public DeliveryResult send(OutboundMessage message) {
		if (!(message.content() instanceof LineContent content)) {
			throw new PermanentDeliveryException("wrong_content", "LINE needs LineContent", null);
		}
		if (!USER_ID.matcher(message.recipient()).matches()) {
			throw new PermanentDeliveryException("invalid_line_user", "Recipient is not a LINE user id", null);
		}
		PushMessageRequest request = new PushMessageRequest(message.recipient(), List.of(toLine(content)), false, null);
		UUID retryKey = retryKey(message.sendKey());
		try {
			Result<PushMessageResponse> result = this.client.pushMessage(retryKey, request)
				.get(this.settings.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
			String id = result.requestId() != null ? result.requestId() : retryKey.toString();
			log.info("LINE push accepted customer={} requestId={}", message.customerId(), id);
			return new DeliveryResult(id);
		}
		catch (ExecutionException ex) {
			return classify(message, retryKey, ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new TransientDeliveryException("line_timeout", "No answer from LINE", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransientDeliveryException("interrupted", "Interrupted while pushing to LINE", ex);
		}
	}

	private static DeliveryResult classify(OutboundMessage message, UUID retryKey, Throwable failure) {
		if (!(failure instanceof AbstractLineClientException ex)) {
			throw new TransientDeliveryException("line_connection", "No answer from LINE", failure);
		}
		int status = ex.getCode();
		if (status == 409) {
			// Same retry key already accepted: an earlier attempt delivered this message.
			String accepted = ex.getHeader(ACCEPTED_REQUEST_ID);
			log.info("LINE push already accepted customer={} requestId={}", message.customerId(), accepted);
			return new DeliveryResult(accepted != null ? accepted : retryKey.toString());
		}
		String reason = "line_" + status;
		if (status == 429 || status >= 500) {
			throw new TransientDeliveryException(reason, "LINE answered " + status, ex,
					TransientDeliveryException.parseRetryAfter(ex.getHeader("Retry-After")));
		}
		if (status == 401) {
			// A wrong or expired token: retrying after the operator fixes it delivers.
			throw new TransientDeliveryException(reason, "LINE rejected the channel token", ex);
		}
		throw new PermanentDeliveryException(reason, "LINE answered " + status, ex);
	}

	static Message toLine(LineContent content) {
		if (content.flex() == null) {
			return new TextMessage(content.text());
		}
		LineContent.Flex flex = content.flex();
		List<FlexComponent> body = new ArrayList<>();
		body.add(new FlexText.Builder().text(flex.title()).weight(FlexText.Weight.BOLD).size("lg").wrap(true).build());
		if (flex.couponCode() != null && !flex.couponCode().isBlank()) {
			body.add(new FlexText.Builder().text(flex.couponCode()).size("md").color("#D0021B").build());
		}
		FlexBubble.Builder bubble = new FlexBubble.Builder()
			.body(new FlexBox.Builder(FlexBox.Layout.VERTICAL, body).spacing("md").build())
			.footer(new FlexBox.Builder(FlexBox.Layout.VERTICAL,
					List.of(new FlexButton.Builder(new URIAction(flex.buttonLabel(), URI.create(flex.shopUrl()), null))
						.style(FlexButton.Style.PRIMARY)
						.build()))
				.build());
		if (flex.imageUrl() != null && !flex.imageUrl().isBlank()) {
			bubble.hero(new FlexImage.Builder(URI.create(flex.imageUrl())).size("full")
				.aspectRatio("20:13")
				.aspectMode(FlexImage.AspectMode.COVER)
				.build());
		}
		return new FlexMessage(content.text(), bubble.build());
	}

}
