package dev.encore.engine.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook steps ({@code encore.connectors.webhook.*}), which post to the shop's own
 * systems.
 *
 * @param secret signs every request ({@code ENCORE_CONNECTORS_WEBHOOK_SECRET}); required
 * once a webhook step runs (until then its sends fail and retry), never logged
 * @param allowedHosts the only hosts a webhook step may call: exact names, or
 * {@code *.example.com} for subdomains; an address in a private network is reached only
 * through a host listed by its exact name
 * @param timeout connect and response timeout of one request (default 10 s)
 */
@ConfigurationProperties("encore.connectors.webhook")
record ShopWebhookProperties(String secret, List<String> allowedHosts, Duration timeout) {

	ShopWebhookProperties {
		allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
		timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
	}

	boolean configured() {
		return this.secret != null && !this.secret.isBlank();
	}

	@Override
	public String toString() {
		return "ShopWebhookProperties[allowedHosts=" + this.allowedHosts + ", timeout=" + this.timeout + "]";
	}

}
