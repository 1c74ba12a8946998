package dev.encore.engine.intake;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Which customer an anonymous visitor turned out to be (Segment {@code alias}, or
 * {@code identify} carrying both ids): later anonymous events of that visitor belong to
 * the customer. In Redis ({@code <prefix>alias:<anonymousId>}) when configured.
 */
@Component
class Aliases {

	private final IntakeRedis redis;

	private final Map<String, String> memory = new ConcurrentHashMap<>();

	Aliases(IntakeRedis redis) {
		this.redis = redis;
	}

	void link(String anonymousId, String customerId) {
		if (this.redis.client() == null) {
			this.memory.put(anonymousId, customerId);
		}
		else {
			this.redis.client().set(this.redis.key("alias", anonymousId), customerId);
		}
	}

	Optional<String> customerOf(String anonymousId) {
		if (this.redis.client() == null) {
			return Optional.ofNullable(this.memory.get(anonymousId));
		}
		return Optional.ofNullable(this.redis.client().get(this.redis.key("alias", anonymousId)));
	}

}
