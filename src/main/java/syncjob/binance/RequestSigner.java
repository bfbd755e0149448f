package syncjob.binance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 of a query string with the API secret, as lowercase hex. */
final class RequestSigner {

	private static final String ALGORITHM = "HmacSHA256";

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private final SecretKeySpec key;

	RequestSigner(String secret) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	String sign(String payload) {
		byte[] digest = mac().doFinal(payload.getBytes(StandardCharsets.UTF_8));
		char[] hex = new char[digest.length * 2];
		for (int i = 0; i < digest.length; i++) {
			hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
			hex[2 * i + 1] = HEX[digest[i] & 0xf];
		}
		return new String(hex);
	}

	/** A Mac per call: Mac instances are not thread-safe and creating one is cheap next to a network call. */
	private Mac mac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}
}
