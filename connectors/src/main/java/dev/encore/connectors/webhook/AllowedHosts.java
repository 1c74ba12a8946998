package dev.encore.connectors.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which hosts a webhook may call: only those listed ({@code shop.example.com}, or
 * {@code *.example.com} for its subdomains). An address inside a private network
 * (loopback, private, link-local, unique-local, carrier-grade NAT) is refused unless its
 * host is listed by its exact name: a wildcard or a public name that resolves there is
 * how a request forgery reaches internal systems.
 */
public final class AllowedHosts {

	private final Set<String> listed;

	public AllowedHosts(Collection<String> listed) {
		this.listed = listed.stream()
			.map((host) -> host.strip().toLowerCase(Locale.ROOT))
			.filter((host) -> !host.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Why the URL may not be called, null when its host is allowed (the name only: the
	 * address is checked again when connecting).
	 */
	public String refusal(String url) {
		URI parsed = url == null ? null : WebhookContent.url(url);
		if (parsed == null) {
			return "is not an absolute http or https URL";
		}
		String host = normalise(parsed.getHost());
		if (!allows(host)) {
			return "host " + host + " is not in encore.connectors.webhook.allowed-hosts";
		}
		return null;
	}

	boolean allows(String host) {
		String name = normalise(host);
		return this.listed.contains(name) || this.listed.stream()
			.anyMatch((entry) -> entry.startsWith("*.") && name.endsWith(entry.substring(1)));
	}

	/** Whether the host may be reached at this address. */
	boolean mayConnect(String host, InetAddress address) {
		return !internal(address) || this.listed.contains(normalise(host));
	}

	static boolean internal(InetAddress address) {
		byte[] bytes = address.getAddress();
		boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
		boolean sharedNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
		return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isSiteLocalAddress()
				|| address.isLinkLocalAddress() || address.isMulticastAddress() || uniqueLocal || sharedNat;
	}

	private static String normalise(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
	}

}
