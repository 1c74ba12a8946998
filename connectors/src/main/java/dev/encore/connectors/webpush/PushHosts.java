package dev.encore.connectors.webpush;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The push services Encore calls. A subscription names any URL the browser (or whoever
 * posts it) likes; only these hosts are ever called, so a forged subscription cannot turn
 * Encore into a request relay. {@code host} allows https to that host, {@code *.domain}
 * to its subdomains, {@code http://host:port} plain HTTP to one local stand-in.
 */
public record PushHosts(List<String> patterns) {

	/** The browsers' push services: Chrome, Firefox, Edge, Safari. */
	public static final List<String> BROWSERS = List.of("fcm.googleapis.com", "updates.push.services.mozilla.com",
			"*.notify.windows.com", "web.push.apple.com");

	public PushHosts {
		patterns = (patterns == null || patterns.isEmpty()) ? BROWSERS
				: patterns.stream().map((pattern) -> pattern.strip().toLowerCase(Locale.ROOT)).toList();
	}

	/** Whether an endpoint may be called. */
	public boolean allows(String endpoint) {
		URI uri;
		try {
			uri = URI.create(endpoint);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		if (uri.getHost() == null || uri.getScheme() == null || uri.getUserInfo() != null) {
			return false;
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		return this.patterns.stream().anyMatch((pattern) -> matches(pattern, scheme, host, uri.getPort()));
	}

	private static boolean matches(String pattern, String scheme, String host, int port) {
		if (pattern.startsWith("http://")) {
			return scheme.equals("http") && pattern.equals("http://" + host + (port < 0 ? "" : ":" + port));
		}
		if (!scheme.equals("https")) {
			return false;
		}
		if (pattern.startsWith("*.")) {
			return host.endsWith(pattern.substring(1));
		}
		return host.equals(pattern);
	}

}
