package dev.encore.connectors.standin;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.encore.connectors.webpush.WebPushSubscription;

/**
 * A browser as the Push API makes one: a P-256 key pair and a 16-byte auth secret, and
 * the decryption of what a push service hands it (RFC 8291, aes128gcm, RFC 8188), written
 * here from the RFCs, independently of the library that encrypts.
 */
public final class TestBrowser {

	private final KeyPair keys;

	private final byte[] auth = new byte[16];

	public TestBrowser() {
		this.keys = p256KeyPair();
		new SecureRandom().nextBytes(this.auth);
	}

	public WebPushSubscription subscription(String endpoint) {
		return new WebPushSubscription(endpoint, base64url(uncompressed((ECPublicKey) this.keys.getPublic())),
				base64url(this.auth));
	}

	/** The plaintext of an aes128gcm body: one record, padding removed. */
	public byte[] decrypt(byte[] body) throws GeneralSecurityException {
		ByteBuffer header = ByteBuffer.wrap(body);
		byte[] salt = new byte[16];
		header.get(salt);
		header.getInt(); // record size
		byte[] serverKey = new byte[header.get() & 0xff];
		header.get(serverKey);
		byte[] ciphertext = Arrays.copyOfRange(body, header.position(), body.length);

		KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
		agreement.init(this.keys.getPrivate());
		agreement.doPhase(publicKey(serverKey), true);
		byte[] ecdhSecret = agreement.generateSecret();
		byte[] browserKey = uncompressed((ECPublicKey) this.keys.getPublic());
		byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), browserKey, serverKey,
				new byte[] { 1 });
		byte[] ikm = hmac(hmac(this.auth, ecdhSecret), keyInfo);
		byte[] prk = hmac(salt, ikm);
		byte[] cek = Arrays.copyOf(hmac(prk, "Content-Encoding: aes128gcm\0\1".getBytes(StandardCharsets.US_ASCII)),
				16);
		byte[] nonce = Arrays.copyOf(hmac(prk, "Content-Encoding: nonce\0\1".getBytes(StandardCharsets.US_ASCII)), 12);
		Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
		aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
		byte[] padded = aes.doFinal(ciphertext);
		int end = padded.length - 1;
		while (padded[end] == 0) {
			end--;
		}
		if (padded[end] != 2) {
			throw new GeneralSecurityException("The last record's delimiter is not 0x02");
		}
		return Arrays.copyOf(padded, end);
	}

	public static KeyPair p256KeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code 0x04 || X || Y}, as browsers and VAPID spell a P-256 public key. */
	public static byte[] uncompressed(ECPublicKey key) {
		return concat(new byte[] { 4 }, fixed(key.getW().getAffineX()), fixed(key.getW().getAffineY()));
	}

	public static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
		ECPublicKey any = (ECPublicKey) p256KeyPair().getPublic();
		ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
		return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, any.getParams()));
	}

	public static byte[] fixed(BigInteger value) {
		byte[] bytes = value.toByteArray();
		byte[] out = new byte[32];
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
		return out;
	}

	public static String base64url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data);
	}

	private static byte[] concat(byte[]... parts) {
		ByteBuffer out = ByteBuffer.allocate(Arrays.stream(parts).mapToInt((part) -> part.length).sum());
		Arrays.stream(parts).forEach(out::put);
		return out.array();
	}

}
