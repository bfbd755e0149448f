package syncjob.binance;

import java.util.regex.Pattern;

/** Last line of defence for text that reaches a message or a log: strips the credentials and any signature. */
final class Redactor {

	private static final Pattern SIGNATURE = Pattern.compile("signature=[^&\\s]*");

	private static final String MASK = "***";

	private final String apiKey;

	private final String apiSecret;

	Redactor(String apiKey, String apiSecret) {
		this.apiKey = apiKey;
		this.apiSecret = apiSecret;
	}

	String clean(String text) {
		if (text == null) {
			return "";
		}
		String cleaned = SIGNATURE.matcher(text).replaceAll("signature=" + MASK);
		if (apiSecret != null && !apiSecret.isEmpty()) {
			cleaned = cleaned.replace(apiSecret, MASK);
		}
		if (apiKey != null && !apiKey.isEmpty()) {
			cleaned = cleaned.replace(apiKey, MASK);
		}
		return cleaned;
	}
}
