package syncjob.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binance's checks on a USER_DATA request, in Binance's order: API key, signature,
 * parameters well-formed, timestamp within the receive window.
 */
final class SignedRequestVerifier {

	static final int DEFAULT_RECV_WINDOW = 5000;

	static final int MAX_RECV_WINDOW = 60000;

	static final long MAX_AHEAD_MILLIS = 1000;

	private static final Pattern KEY_FORMAT = Pattern.compile("[A-Za-z0-9]{64}");

	private final String apiKey;

	private final SecretKeySpec secret;

	SignedRequestVerifier(String apiKey, String apiSecret) {
		this.apiKey = apiKey;
		this.secret = new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/** @param presentedKey the {@code X-MBX-APIKEY} header, or null */
	void verify(String presentedKey, QueryParams params, Instant serverNow) {
		verifyKey(presentedKey);
		verifySignature(params);
		params.rejectMalformed();
		verifyTimestamp(params, serverNow.toEpochMilli());
	}

	private void verifyKey(String presentedKey) {
		if (presentedKey == null || presentedKey.isEmpty()) {
			throw ExchangeError.unknownApiKey();
		}
		if (!presentedKey.equals(apiKey)) {
			throw KEY_FORMAT.matcher(presentedKey).matches() ? ExchangeError.unknownApiKey()
					: ExchangeError.malformedApiKey();
		}
	}

	private void verifySignature(QueryParams params) {
		if (params.signature() == null || params.signature().isEmpty()) {
			throw ExchangeError.mandatory("signature");
		}
		if (params.signedPayload() == null) {
			throw ExchangeError.badSignature();
		}
		byte[] expected = hmacHex(params.signedPayload()).getBytes(StandardCharsets.US_ASCII);
		// Binance accepts the hex digest in either case
		byte[] presented = params.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, presented)) {
			throw ExchangeError.badSignature();
		}
	}

	private static void verifyTimestamp(QueryParams params, long serverMillis) {
		long timestamp = params.number("timestamp").orElseThrow(() -> ExchangeError.mandatory("timestamp"));
		long recvWindow = params.number("recvWindow").orElse(DEFAULT_RECV_WINDOW);
		if (recvWindow > MAX_RECV_WINDOW) {
			throw ExchangeError.recvWindowTooLarge();
		}
		if (recvWindow <= 0) {
			throw ExchangeError.invalidValue("recvWindow");
		}
		if (timestamp < serverMillis - recvWindow) {
			throw ExchangeError.timestampBehind();
		}
		if (timestamp > serverMillis + MAX_AHEAD_MILLIS) {
			throw ExchangeError.timestampAhead();
		}
	}

	String hmacHex(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(secret);
			return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
		}
	}
}
