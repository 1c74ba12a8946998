package dev.encore.connectors.webpush;

import java.io.IOException;
import java.security.GeneralSecurityException;

import nl.martijndwars.webpush.AbstractPushService;
import nl.martijndwars.webpush.Encoding;
import nl.martijndwars.webpush.HttpRequest;
import nl.martijndwars.webpush.Notification;
import nl.martijndwars.webpush.Utils;
import org.jose4j.lang.JoseException;

/**
 * The library's request preparation only: the payload encrypted for one browser
 * (aes128gcm) and the VAPID authorization signed with Encore's key. Sending is the JDK
 * client's.
 */
final class VapidRequests extends AbstractPushService<VapidRequests> {

	private VapidRequests(String publicKey, String privateKey, String subject) throws GeneralSecurityException {
		super(publicKey, privateKey, subject);
	}

	static VapidRequests of(WebPushSettings settings) {
		try {
			VapidRequests vapid = new VapidRequests(settings.publicKey(), settings.privateKey(), settings.subject());
			if (!Utils.verifyKeyPair(vapid.getPrivateKey(), vapid.getPublicKey())) {
				throw new IllegalArgumentException("The VAPID public and private keys are not a pair");
			}
			return vapid;
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			throw new IllegalArgumentException("The VAPID keys are not base64url P-256 keys", ex);
		}
	}

	HttpRequest prepare(Notification notification) throws GeneralSecurityException, IOException, JoseException {
		return prepareRequest(notification, Encoding.AES128GCM);
	}

}
