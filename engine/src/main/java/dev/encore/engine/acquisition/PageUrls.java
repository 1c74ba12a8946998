package dev.encore.engine.acquisition;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a page's URL acquisition reads; a URL that does not parse has none (a
 * storefront's bad URL is no reason to refuse its event).
 */
final class PageUrls {

	private PageUrls() {
	}

	/**
	 * The query's parameters by lower-case name, decoded; the first of a repeated one.
	 */
	static Map<String, String> query(String url) {
		URI uri = uri(url);
		Map<String, String> query = new HashMap<>();
		if (uri == null || uri.getRawQuery() == null) {
			return query;
		}
		for (String pair : uri.getRawQuery().split("&")) {
			int equals = pair.indexOf('=');
			String name = decode(equals < 0 ? pair : pair.substring(0, equals));
			String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
			if (name != null && value != null && !value.isBlank()) {
				query.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
			}
		}
		return query;
	}

	static String host(String url) {
		URI uri = uri(url);
		return uri == null || uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
	}

	/**
	 * Scheme, host, port and path only: query, fragment and user info can carry e-mail
	 * addresses, tokens and passwords.
	 */
	static String withoutQuery(String url) {
		URI uri = uri(url);
		if (uri == null || uri.getHost() == null) {
			return null;
		}
		return uri.getScheme() + "://" + uri.getHost().toLowerCase(Locale.ROOT)
				+ (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + (uri.getRawPath() == null ? "" : uri.getRawPath());
	}

	private static URI uri(String url) {
		if (url == null) {
			return null;
		}
		try {
			return new URI(url);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
