package dev.encore.engine.profile;

import org.junit.jupiter.api.Test;

import dev.encore.engine.testsupport.RedisIntegrationTest;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Readiness counts the real redis-server a node keeps its profiles in. */
class RedisReadinessTest extends RedisIntegrationTest {

	@Test
	void readinessReportsRedis() throws Exception {
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.redis.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"));
	}

}
