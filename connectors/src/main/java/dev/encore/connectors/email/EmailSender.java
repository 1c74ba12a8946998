package dev.encore.connectors.email;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import dev.encore.connectors.Channel;
import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.EmailContent;
import dev.encore.connectors.MessageSender;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;
import dev.encore.connectors.TransientDeliveryException;

/**
 * Sends email over SMTP through Spring Mail: HTML with a plain-text alternative, and a
 * Message-ID derived from the send key so a resent step is recognisable as the same
 * message.
 */
public class EmailSender implements MessageSender {

	private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

	private static final Session SESSION = Session.getInstance(new Properties());

	private final JavaMailSender mailSender;

	private final EmailSettings settings;

	public EmailSender(JavaMailSender mailSender, EmailSettings settings) {
		this.mailSender = mailSender;
		this.settings = settings;
	}

	@Override
	public boolean supports(Channel channel) {
		return Channel.EMAIL.equals(channel);
	}

	@Override
	public DeliveryResult send(OutboundMessage message) {
		if (!(message.content() instanceof EmailContent content)) {
			throw new PermanentDeliveryException("wrong_content", "Email needs EmailContent", null);
		}
		String messageId = messageId(message.sendKey());
		try {
			this.mailSender.send(mime(message.recipient(), content, messageId));
		}
		catch (MailParseException | MailPreparationException ex) {
			throw new PermanentDeliveryException("invalid_message", "Email could not be built", ex);
		}
		catch (MailAuthenticationException ex) {
			// A configuration problem: retrying after the operator fixes it delivers the
			// mail.
			throw new TransientDeliveryException("smtp_auth", "SMTP authentication failed", ex);
		}
		catch (MailSendException ex) {
			throw classify(ex);
		}
		catch (MailException ex) {
			throw new TransientDeliveryException("smtp_error", ex.getClass().getSimpleName(), ex);
		}
		log.info("Email sent customer={} messageId={}", message.customerId(), messageId);
		return new DeliveryResult(messageId);
	}

	private MimeMessage mime(String to, EmailContent content, String messageId) {
		try {
			MimeMessage mime = new FixedIdMimeMessage(SESSION, messageId);
			MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					StandardCharsets.UTF_8.name());
			if (this.settings.fromName() != null) {
				helper.setFrom(this.settings.from(), this.settings.fromName());
			}
			else {
				helper.setFrom(this.settings.from());
			}
			helper.setTo(to);
			helper.setSubject(content.subject());
			helper.setText(content.text(), content.html());
			for (Map.Entry<String, String> header : content.headers().entrySet()) {
				mime.setHeader(header.getKey(), header.getValue());
			}
			return mime;
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new PermanentDeliveryException("invalid_message", "Email could not be built", ex);
		}
	}

	/** An SMTP 5xx reply for the recipient is final; anything else may pass later. */
	private static RuntimeException classify(MailSendException ex) {
		for (Exception failure : ex.getFailedMessages().values()) {
			if (failure instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
					&& sendFailed.getInvalidAddresses().length > 0) {
				return new PermanentDeliveryException("invalid_address", "SMTP rejected the recipient", ex);
			}
		}
		return new TransientDeliveryException("smtp_unavailable", "SMTP send failed", ex);
	}

	String messageId(String sendKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sendKey.getBytes(StandardCharsets.UTF_8));
			return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@" + this.settings.domain() + ">";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Keeps our Message-ID instead of the random one JavaMail sets on save. */
	private static final class FixedIdMimeMessage extends MimeMessage {

		private final String messageId;

		FixedIdMimeMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
