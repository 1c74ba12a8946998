package dev.encore.engine.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where customer state lives ({@code encore.redis.*}).
 *
 * @param url {@code redis://host:port/db} ({@code ENCORE_REDIS_URL}); empty keeps
 * customer state in memory (try-out only: it is lost on restart and not shared between
 * nodes)
 * @param keyPrefix prefix of every key Encore writes, so one Redis can serve several
 * shops or test runs ({@code encore:} when not set)
 */
@ConfigurationProperties("encore.redis")
public record RedisProperties(String url, String keyPrefix) {

	public RedisProperties {
		keyPrefix = keyPrefix == null ? "encore:" : keyPrefix;
	}

	public boolean configured() {
		return this.url != null && !this.url.isBlank();
	}

}
