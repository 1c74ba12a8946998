package dev.encore.connectors.webhook;

import java.time.Duration;
import java.util.Set;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The shop's webhook receivers.
 *
 * @param secret signs every request ({@code X-Encore-Signature}); never logged
 * @param allowedHosts the only hosts called: exact names, or {@code *.example.com} for
 * its subdomains
 * @param timeout connect and response timeout of one request
 * @param dns resolves names at connect time (the system's resolver; tests give their own)
 */
public record WebhookSettings(String secret, Set<String> allowedHosts, Duration timeout, DnsResolver dns) {

	public WebhookSettings {
		if (secret == null || secret.isBlank()) {
			throw new IllegalArgumentException("secret is required");
		}
		allowedHosts = allowedHosts == null ? Set.of() : Set.copyOf(allowedHosts);
		timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
		dns = dns == null ? SystemDefaultDnsResolver.INSTANCE : dns;
	}

	@Override
	public String toString() {
		return "WebhookSettings[allowedHosts=" + this.allowedHosts + ", timeout=" + this.timeout + "]";
	}

}
