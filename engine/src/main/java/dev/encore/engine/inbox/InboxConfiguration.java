package dev.encore.engine.inbox;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import dev.encore.connectors.onsite.InboxSender;
import dev.encore.engine.store.JedisHolder;
import dev.encore.engine.store.RedisProperties;

/**
 * The on-site channel's one registration: its descriptor, its connector writing into the
 * inbox store, and the store, in Redis when it is configured (every node reads the same
 * inboxes), else in memory.
 */
@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

	@Bean
	@Order(5)
	OnsiteChannel onsiteChannel() {
		return new OnsiteChannel();
	}

	@Bean
	InboxStore inboxStore(JedisHolder jedis, RedisProperties redis, ObjectMapper json) {
		return jedis.configured() ? new RedisInboxStore(jedis.redis(), redis.keyPrefix(), json)
				: new InMemoryInboxStore();
	}

	@Bean
	InboxSender inboxSender(InboxStore store, Clock clock) {
		return new InboxSender(
				(customerId, messageId, message) -> store.put(customerId,
						new InboxMessage(messageId, message.title(), message.body(), message.url(), message.imageUrl(),
								message.journey(), message.step(), clock.instant(), message.expiresAt(), false)),
				clock);
	}

}
