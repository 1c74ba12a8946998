package dev.encore.engine.push;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import dev.encore.connectors.apppush.FcmSender;
import dev.encore.connectors.apppush.FcmSettings;
import dev.encore.connectors.webpush.WebPushSender;
import dev.encore.connectors.webpush.WebPushSettings;
import dev.encore.connectors.webpush.WebPushSubscription;
import dev.encore.engine.store.CustomerData;
import dev.encore.engine.store.JedisHolder;
import dev.encore.engine.store.RedisProperties;

/**
 * The push channels' devices (in Redis when it is configured, else in memory) and their
 * connectors, each only when its provider is configured: the sandbox takes the rest.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ WebPushProperties.class, AppPushProperties.class })
class PushConfiguration {

	@Bean
	CustomerDevices customerDevices(JedisHolder jedis, RedisProperties redis, ObjectMapper json) {
		return jedis.configured() ? new RedisCustomerDevices(jedis.redis(), redis.keyPrefix(), json)
				: new InMemoryCustomerDevices();
	}

	/** The right to erasure: a customer's devices go with them. */
	@Bean
	CustomerData pushDevicesErasure(CustomerDevices devices) {
		return new CustomerData() {

			@Override
			public int erase(String customerId, String pseudonym) {
				return devices.erase(customerId);
			}

			@Override
			public boolean inDatabase() {
				return false;
			}

		};
	}

	@Bean
	@Conditional(WebPushConfigured.class)
	WebPushSender webPushSender(WebPushProperties properties, PushRegistrations registrations) {
		return new WebPushSender(
				new WebPushSettings(properties.publicKey(), properties.privateKey(), properties.subject(),
						properties.allowedHosts(), properties.timeout()),
				new RegisteredDevices<>(registrations, WebPushChannel.ID, WebPushChannel::subscription,
						WebPushSubscription::endpoint));
	}

	@Bean
	@Conditional(AppPushConfigured.class)
	FcmSender fcmSender(AppPushProperties properties, PushRegistrations registrations) {
		return new FcmSender(new FcmSettings(properties.serviceAccount(), properties.baseUrl(), properties.timeout()),
				new RegisteredDevices<String>(registrations, AppPushChannel.ID, Device::address, (token) -> token));
	}

	/** Set and not blank: the environment maps a missing variable to an empty value. */
	private static boolean present(ConditionContext context, String property) {
		return StringUtils.hasText(context.getEnvironment().getProperty(property));
	}

	static final class WebPushConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return present(context, "encore.connectors.webpush.private-key");
		}

	}

	static final class AppPushConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return present(context, "encore.connectors.apppush.service-account");
		}

	}

}
