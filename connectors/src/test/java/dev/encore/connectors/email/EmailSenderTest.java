package dev.encore.connectors.email;

import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import dev.encore.connectors.Channel;
import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.EmailContent;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.TransientDeliveryException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real SMTP server (GreenMail) on a free port. */
class EmailSenderTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	private final EmailSettings settings = new EmailSettings("shop@example.com", "Example Shop");

	private EmailSender sender(int port) {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(port);
		return new EmailSender(mail, this.settings);
	}

	private static OutboundMessage email(String sendKey, String subject) {
		return new OutboundMessage(sendKey, "c-1", Channel.EMAIL, "ada@example.org",
				new EmailContent(subject, "<p>Hello <b>Ada</b></p>", "Hello Ada",
						Map.of("List-Unsubscribe", "<https://shop.example.com/u/abc>")));
	}

	@Test
	void sendsHtmlWithPlainTextAlternativeAndHeaders() throws Exception {
		DeliveryResult result = sender(greenMail.getSmtp().getPort()).send(email("pi-1:SendTaskReminder", "Hi"));

		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage mail = received[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
		assertThat(mail.getFrom()[0].toString()).contains("shop@example.com").contains("Example Shop");
		assertThat(mail.getHeader("List-Unsubscribe", null)).isEqualTo("<https://shop.example.com/u/abc>");
		assertThat(mail.getMessageID()).isEqualTo(result.providerMessageId()).endsWith("@example.com>");
		String raw = GreenMailUtil.getWholeMessage(mail);
		assertThat(raw).contains("multipart/alternative").contains("text/plain").contains("text/html");
		assertThat(((MimeMultipart) mail.getContent()).getCount()).isPositive();
	}

	@Test
	void sameSendKeyGivesSameMessageIdAndOtherKeysDiffer() {
		EmailSender sender = sender(greenMail.getSmtp().getPort());
		assertThat(sender.messageId("a")).isEqualTo(sender.messageId("a")).isNotEqualTo(sender.messageId("b"));
	}

	@Test
	void encodesNonAsciiSubjects() throws Exception {
		sender(greenMail.getSmtp().getPort()).send(email("k", "您的購物車還在等您"));

		MimeMessage mail = greenMail.getReceivedMessages()[0];
		assertThat(mail.getHeader("Subject", null)).startsWith("=?UTF-8?");
		assertThat(mail.getSubject()).isEqualTo("您的購物車還在等您");
	}

	@Test
	void unreachableServerIsTransient() {
		EmailSender sender = sender(1);

		assertThatThrownBy(() -> sender.send(email("k", "Hi"))).isInstanceOf(TransientDeliveryException.class)
			.extracting("reason")
			.isEqualTo("smtp_unavailable");
	}

}
