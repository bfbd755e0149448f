package syncjob.binance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Last line of defence for text that reaches a message or a log: strips the credentials and
 * any signature. A credential is masked where it stands as a whole token (not glued to other
 * letters or digits), so a short test key never garbles ordinary words; real keys are long
 * enough ({@link BinanceSettings#MIN_CREDENTIAL_LENGTH}) that no word is one.
 */
final class Redactor {

	private static final Pattern SIGNATURE = Pattern.compile("signature=[^&\\s]*");

	private static final String MASK = "***";

	private final Pattern apiKey;

	private final Pattern apiSecret;

	Redactor(String apiKey, String apiSecret) {
		this.apiKey = token(apiKey);
		this.apiSecret = token(apiSecret);
	}

	String clean(String text) {
		if (text == null) {
			return "";
		}
		String cleaned = SIGNATURE.matcher(text).replaceAll("signature=" + MASK);
		cleaned = mask(this.apiSecret, cleaned);
		return mask(this.apiKey, cleaned);
	}

	private static String mask(Pattern token, String text) {
		return token == null ? text : token.matcher(text).replaceAll(Matcher.quoteReplacement(MASK));
	}

	/** The credential as a whole token: no letter or digit right before or after it. */
	private static Pattern token(String credential) {
		if (credential == null || credential.isEmpty()) {
			return null;
		}
		return Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(credential) + "(?![\\p{Alnum}])");
	}

}
