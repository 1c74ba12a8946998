package dev.encore.engine.push;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * App push through Firebase Cloud Messaging, from the environment only; blank sends app
 * push to the sandbox. Tokens are accepted either way.
 *
 * @param serviceAccount {@code FCM_SERVICE_ACCOUNT}: the Firebase service-account JSON,
 * or the path of its file
 * @param baseUrl FCM's root (tests point it elsewhere)
 * @param timeout connect and read timeout of one request
 */
@ConfigurationProperties("encore.connectors.apppush")
record AppPushProperties(String serviceAccount, URI baseUrl, Duration timeout) {

	boolean configured() {
		return this.serviceAccount != null && !this.serviceAccount.isBlank();
	}

}
