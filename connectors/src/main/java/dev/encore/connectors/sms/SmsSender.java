package dev.encore.connectors.sms;

import java.util.Set;
import java.util.regex.Pattern;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.encore.connectors.Channel;
import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.MessageSender;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;
import dev.encore.connectors.SmsContent;
import dev.encore.connectors.TransientDeliveryException;

/**
 * Sends SMS through Twilio's Messages API with the Twilio Java SDK, one HTTP attempt per
 * call (see {@link SingleAttemptHttpClient}). Twilio's error codes decide the failure
 * class: an unsubscribed, invalid or unreachable number is permanent; rate limits and
 * server errors are transient.
 */
public class SmsSender implements MessageSender {

	private static final Logger log = LoggerFactory.getLogger(SmsSender.class);

	static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

	/**
	 * 21610 recipient replied STOP, 21211 invalid 'To', 21614 not a mobile number, 21408
	 * region not enabled, 21612 unreachable carrier route, 21217 number does not exist.
	 */
	static final Set<Integer> PERMANENT_CODES = Set.of(21610, 21211, 21614, 21408, 21612, 21217);

	private static final int RATE_LIMITED = 20429;

	private final SmsSettings settings;

	private final TwilioRestClient client;

	public SmsSender(SmsSettings settings) {
		this.settings = settings;
		this.client = new TwilioRestClient.Builder(settings.username(), settings.password())
			.accountSid(settings.accountSid())
			.httpClient(new SingleAttemptHttpClient(settings.baseUrl(), settings.timeout()))
			.build();
	}

	@Override
	public boolean supports(Channel channel) {
		return Channel.SMS.equals(channel);
	}

	@Override
	public DeliveryResult send(OutboundMessage message) {
		if (!(message.content() instanceof SmsContent content)) {
			throw new PermanentDeliveryException("wrong_content", "SMS needs SmsContent", null);
		}
		if (!E164.matcher(message.recipient()).matches()) {
			throw new PermanentDeliveryException("invalid_number", "Recipient is not an E.164 number", null);
		}
		MessageCreator creator = this.settings.usesMessagingService()
				? Message.creator(new PhoneNumber(message.recipient()), this.settings.messagingServiceSid(),
						content.text())
				: Message.creator(new PhoneNumber(message.recipient()), new PhoneNumber(this.settings.fromNumber()),
						content.text());
		if (this.settings.statusCallbackUrl() != null) {
			creator.setStatusCallback(this.settings.statusCallbackUrl());
		}
		try {
			Message sent = creator.create(this.client);
			Integer segments = parseSegments(sent.getNumSegments());
			log.info("SMS accepted customer={} sid={} segments={}", message.customerId(), sent.getSid(), segments);
			return new DeliveryResult(sent.getSid(), segments);
		}
		catch (SingleAttemptHttpClient.RateLimitedException ex) {
			throw new TransientDeliveryException("twilio_" + RATE_LIMITED, "Twilio rate limit", ex,
					TransientDeliveryException.parseRetryAfter(ex.retryAfter));
		}
		catch (SingleAttemptHttpClient.ConnectionFailedException ex) {
			throw new TransientDeliveryException("twilio_" + ex.reason, "No answer from Twilio", ex, null,
					"timeout".equals(ex.reason));
		}
		catch (ApiException ex) {
			throw classify(ex);
		}
	}

	private static RuntimeException classify(ApiException ex) {
		Integer code = ex.getCode();
		Integer status = ex.getStatusCode();
		String reason = "twilio_" + (code != null ? code : status);
		if (code != null && PERMANENT_CODES.contains(code)) {
			return new PermanentDeliveryException(reason, ex.getMessage(), ex);
		}
		if ((code != null && code == RATE_LIMITED) || status == null || status == 429 || status >= 500) {
			return new TransientDeliveryException(reason, ex.getMessage(), ex);
		}
		if (status == 401 || status == 403) {
			// Wrong credentials: retrying after the operator fixes them delivers the
			// message.
			return new TransientDeliveryException(reason, ex.getMessage(), ex);
		}
		return new PermanentDeliveryException(reason, ex.getMessage(), ex);
	}

	private static Integer parseSegments(String numSegments) {
		try {
			return numSegments == null ? null : Integer.valueOf(numSegments);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
