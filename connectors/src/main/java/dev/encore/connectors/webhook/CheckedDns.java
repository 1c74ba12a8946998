package dev.encore.connectors.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves a webhook's host for the connection itself and refuses an address the host may
 * not reach: the address checked is the one connected to, so a name that resolves to a
 * public address for a check and to an internal one a moment later (DNS rebinding) gets
 * nowhere.
 */
final class CheckedDns implements DnsResolver {

	private final DnsResolver dns;

	private final AllowedHosts hosts;

	CheckedDns(DnsResolver dns, AllowedHosts hosts) {
		this.dns = dns;
		this.hosts = hosts;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		InetAddress[] addresses = this.dns.resolve(host);
		for (InetAddress address : addresses) {
			if (!this.hosts.mayConnect(host, address)) {
				throw new RefusedAddressException(host);
			}
		}
		return addresses;
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return this.dns.resolveCanonicalHostname(host);
	}

	/** The host resolved to an internal address it is not listed for. */
	static final class RefusedAddressException extends UnknownHostException {

		RefusedAddressException(String host) {
			super(host + " resolves to an internal address; list the host by name to allow it");
		}

	}

}
