package dev.encore.engine.delivery;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import dev.encore.connectors.email.EmailSender;
import dev.encore.connectors.email.EmailSettings;
import dev.encore.connectors.sandbox.SandboxSender;

/**
 * Picks a connector per channel: the real one where its provider is configured (SMTP when
 * {@code spring.mail.host} is set), the sandbox for the rest.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DeliveryConfiguration.class);

	@Bean
	SandboxSender sandboxSender(DeliveryProperties properties, Clock clock) {
		return new SandboxSender(properties.sandbox().capacity(), clock);
	}

	@Bean
	Senders senders(ObjectProvider<JavaMailSender> mail, DeliveryProperties properties, SandboxSender sandbox) {
		JavaMailSender mailSender = mail.getIfAvailable();
		if (mailSender == null) {
			log.warn("spring.mail.host is not set: email goes to the sandbox (recorded, not sent)");
			return new Senders(sandbox);
		}
		EmailSettings settings = new EmailSettings(properties.email().from(), properties.email().fromName());
		return new Senders(sandbox, new EmailSender(mailSender, settings));
	}

}
