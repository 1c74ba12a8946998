package dev.encore.engine.webhook;

import java.time.Clock;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import dev.encore.connectors.Channel;
import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.MessageSender;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.TransientDeliveryException;
import dev.encore.connectors.webhook.AllowedHosts;
import dev.encore.connectors.webhook.WebhookSender;
import dev.encore.connectors.webhook.WebhookSettings;

/**
 * The webhook channel's one registration: its descriptor and its connector. Without a
 * secret a webhook step fails and retries (an incident once retries run out) rather than
 * post unsigned.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

	@Bean
	@Order(6)
	WebhookChannel webhookChannel(ShopWebhookProperties properties, ObjectMapper json) {
		return new WebhookChannel(new AllowedHosts(properties.allowedHosts()), json);
	}

	@Bean
	MessageSender webhookSender(ShopWebhookProperties properties, Clock clock) {
		if (properties.configured()) {
			return new WebhookSender(new WebhookSettings(properties.secret(), Set.copyOf(properties.allowedHosts()),
					properties.timeout(), null), clock);
		}
		log.warn("encore.connectors.webhook.secret is not set: webhook steps fail until it is");
		return new Unsigned();
	}

	/** Stands in for the connector until a secret is configured. */
	private static final class Unsigned implements MessageSender {

		@Override
		public boolean supports(Channel channel) {
			return WebhookSender.WEBHOOK.equals(channel);
		}

		@Override
		public DeliveryResult send(OutboundMessage message) {
			throw new TransientDeliveryException("webhook_secret_missing",
					"Set encore.connectors.webhook.secret to send webhooks", null);
		}

	}

}
