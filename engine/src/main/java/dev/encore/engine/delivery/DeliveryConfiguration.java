package dev.encore.engine.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import dev.encore.connectors.MessageSender;
import dev.encore.connectors.email.EmailSender;
import dev.encore.connectors.email.EmailSettings;
import dev.encore.connectors.line.LinePushSender;
import dev.encore.connectors.line.LineSettings;
import dev.encore.connectors.sandbox.SandboxSender;
import dev.encore.connectors.sms.SmsSender;
import dev.encore.connectors.sms.SmsSettings;
import dev.encore.engine.store.JedisHolder;
import dev.encore.engine.store.RedisProperties;

/**
 * Picks a connector per channel: the real one where its provider is configured (SMTP when
 * {@code spring.mail.host} is set, Twilio and LINE when their credentials are), then any
 * {@link MessageSender} bean a further channel registers, the sandbox for the rest; and
 * the Redis or in-memory form of the caps and the suppression list, once.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DeliveryConfiguration.class);

	@Bean
	SandboxSender sandboxSender(DeliveryProperties properties, Clock clock) {
		return new SandboxSender(properties.sandbox().capacity(), clock);
	}

	/** In Redis when it is configured (every node counts together), else in memory. */
	@Bean
	FrequencyCaps frequencyCaps(JedisHolder jedis, RedisProperties redis) {
		return jedis.configured() ? new RedisFrequencyCaps(jedis.redis(), redis.keyPrefix())
				: new InMemoryFrequencyCaps();
	}

	/**
	 * In Redis when it is configured (every node checks the same list), else in memory.
	 */
	@Bean
	SuppressionList suppressionList(JedisHolder jedis, RedisProperties redis, Clock clock) {
		return jedis.configured() ? new RedisSuppressionList(jedis.redis(), redis.keyPrefix(), clock)
				: new InMemorySuppressionList(clock);
	}

	@Bean
	Senders senders(ObjectProvider<JavaMailSender> mail, DeliveryProperties properties, ConnectorProperties connectors,
			SandboxSender sandbox, ObjectProvider<MessageSender> registered) {
		List<MessageSender> providers = new ArrayList<>();
		JavaMailSender mailSender = mail.getIfAvailable();
		if (mailSender == null) {
			log.warn("spring.mail.host is not set: email goes to the sandbox (recorded, not sent)");
		}
		else {
			providers.add(new EmailSender(mailSender,
					new EmailSettings(properties.email().from(), properties.email().fromName())));
		}
		ConnectorProperties.Sms sms = connectors.sms();
		if (sms.configured()) {
			providers.add(new SmsSender(new SmsSettings(sms.accountSid(), sms.authToken(), sms.apiKeySid(),
					sms.apiKeySecret(), sms.fromNumber(), sms.messagingServiceSid(), sms.statusCallbackUrl(),
					sms.baseUrl(), sms.timeout())));
		}
		else {
			log.warn("encore.connectors.sms.account-sid is not set: SMS goes to the sandbox");
		}
		ConnectorProperties.Line line = connectors.line();
		if (line.configured()) {
			providers
				.add(new LinePushSender(new LineSettings(line.channelAccessToken(), line.baseUrl(), line.timeout())));
		}
		else {
			log.warn("encore.connectors.line.channel-access-token is not set: LINE goes to the sandbox");
		}
		registered.orderedStream().filter((sender) -> sender != sandbox).forEach(providers::add);
		return new Senders(sandbox, providers.toArray(MessageSender[]::new));
	}

}
