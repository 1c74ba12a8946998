package dev.encore.engine.acquisition;

import java.util.List;
import java.util.Set;

/**
 * Source and medium of a visit without campaign tags, the way Google Analytics derives
 * them: a search engine's referrer is {@code <engine> / organic}, another site's
 * {@code <host> / referral}, no referrer (or one from the shop itself) {@code direct /
 * none}.
 */
final class Referrers {

	record Origin(String source, String medium) {

		static final Origin DIRECT = new Origin(Touch.DIRECT, "none");

	}

	private final Set<String> searchEngines;

	Referrers(List<String> searchEngines) {
		this.searchEngines = Set.copyOf(searchEngines);
	}

	/**
	 * @param referrerHost the referring page's host, null without one
	 * @param shopHost the landing page's host, null when not known
	 */
	Origin of(String referrerHost, String shopHost) {
		if (referrerHost == null || referrerHost.isBlank() || sameSite(referrerHost, shopHost)) {
			return Origin.DIRECT;
		}
		for (String label : referrerHost.split("\\.")) {
			if (this.searchEngines.contains(label)) {
				return new Origin(label, "organic");
			}
		}
		return new Origin(withoutWww(referrerHost), "referral");
	}

	private static boolean sameSite(String referrerHost, String shopHost) {
		return shopHost != null && withoutWww(referrerHost).equals(withoutWww(shopHost));
	}

	private static String withoutWww(String host) {
		return host.startsWith("www.") ? host.substring(4) : host;
	}

}
