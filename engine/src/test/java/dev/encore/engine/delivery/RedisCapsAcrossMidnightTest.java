package dev.encore.engine.delivery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.encore.engine.testsupport.RedisIntegrationTest;

/** {@link CapsAcrossMidnight} with caps in the real redis-server, as on every node. */
class RedisCapsAcrossMidnightTest extends RedisIntegrationTest implements CapsAcrossMidnight {

	@Autowired
	private ApplicationContext context;

	@Override
	public ApplicationContext context() {
		return this.context;
	}

}
