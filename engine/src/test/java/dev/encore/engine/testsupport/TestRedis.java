package dev.encore.engine.testsupport;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

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

	/** A key prefix no other test (or run) writes under. */
	public static String uniquePrefix() {
		return "encore-test:" + UUID.randomUUID() + ":";
	}

	/** Every key under the prefix, found with SCAN (KEYS would block the server). */
	public static List<String> keys(JedisPooled redis, String prefix) {
		List<String> keys = new ArrayList<>();
		ScanParams match = new ScanParams().match(prefix + "*").count(1000);
		String cursor = ScanParams.SCAN_POINTER_START;
		do {
			ScanResult<String> page = redis.scan(cursor, match);
			keys.addAll(page.getResult());
			cursor = page.getCursor();
		}
		while (!ScanParams.SCAN_POINTER_START.equals(cursor));
		return keys;
	}

	public static void removeKeys(JedisPooled redis, String prefix) {
		keys(redis, prefix).forEach(redis::del);
	}

}
