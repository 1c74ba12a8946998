package dev.encore.engine.testsupport;

import java.net.URI;

import redis.clients.jedis.JedisPooled;

/**
 * The real redis-server tests use: {@code ENCORE_TEST_REDIS_URL}, by default the local
 * one on 127.0.0.1:6379 that .ci/run makes sure is running. Tests write under their own
 * key prefix and remove what they wrote.
 */
public final class TestRedis {

	private TestRedis() {
	}

	public static String url() {
		String url = System.getenv("ENCORE_TEST_REDIS_URL");
		return url == null || url.isBlank() ? "redis://127.0.0.1:6379/0" : url;
	}

	public static JedisPooled client() {
		return new JedisPooled(URI.create(url()));
	}

}
