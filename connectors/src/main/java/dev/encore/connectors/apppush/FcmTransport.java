package dev.encore.connectors.apppush;

import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;

/**
 * The SDK's transport, with what it addresses to FCM sent to another root when one is
 * configured: the SDK's FCM URL is a constant, and a test's stand-in must see the real
 * requests.
 */
final class FcmTransport {

	private FcmTransport() {
	}

	static HttpTransport to(URI root) {
		String fcm = FcmSettings.FCM.toString();
		String target = root.toString().replaceAll("/+$", "");
		if (target.equals(fcm)) {
			return new NetHttpTransport();
		}
		return new NetHttpTransport.Builder().setConnectionFactory((URL url) -> {
			String address = url.toString();
			URL routed = address.startsWith(fcm) ? URI.create(target + address.substring(fcm.length())).toURL() : url;
			return (HttpURLConnection) routed.openConnection();
		}).build();
	}

}
