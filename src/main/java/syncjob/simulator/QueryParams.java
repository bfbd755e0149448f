package syncjob.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The query string of one request: the raw text the signature covers, and the decoded
 * parameters (signature excluded) with Binance's rules for reading them. Parsing never
 * fails; problems surface when the parameters are read, so fault injection and the
 * request log see every request.
 */
final class QueryParams {

	private static final String SIGNATURE = "signature";

	private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

	private final Map<String, String> values;

	private final String signedPayload;

	private final String signature;

	private final boolean malformed;

	private QueryParams(Map<String, String> values, String signedPayload, String signature, boolean malformed) {
		this.values = values;
		this.signedPayload = signedPayload;
		this.signature = signature;
		this.malformed = malformed;
	}

	/** {@code rawQuery} exactly as received (still URL-encoded), or null. */
	static QueryParams parse(String rawQuery) {
		String raw = rawQuery == null ? "" : rawQuery;
		Map<String, String> values = new LinkedHashMap<>();
		boolean malformed = false;
		String signature = null;
		for (String pair : raw.isEmpty() ? new String[0] : raw.split("&", -1)) {
			int eq = pair.indexOf('=');
			String name = decode(eq < 0 ? pair : pair.substring(0, eq));
			String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
			if (name == null || value == null) {
				malformed = true;
				continue;
			}
			if (name.equals(SIGNATURE)) {
				signature = value;
			}
			else if (values.putIfAbsent(name, value) != null) {
				malformed = true;
			}
		}
		return new QueryParams(values, payloadBeforeSignature(raw), signature, malformed);
	}

	/**
	 * The text the client signed: everything before {@code &signature=}. Null when the
	 * signature is absent or is not the last parameter, which no valid signature allows.
	 */
	private static String payloadBeforeSignature(String raw) {
		int at;
		if (raw.startsWith(SIGNATURE + "=")) {
			at = 0;
		}
		else {
			int amp = raw.indexOf("&" + SIGNATURE + "=");
			if (amp < 0) {
				return null;
			}
			at = amp + 1;
		}
		if (raw.indexOf('&', at) >= 0) {
			return null;
		}
		return at == 0 ? "" : raw.substring(0, at - 1);
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** The decoded parameters without the signature, in the order sent. */
	Map<String, String> withoutSignature() {
		return Collections.unmodifiableMap(values);
	}

	String signature() {
		return signature;
	}

	String signedPayload() {
		return signedPayload;
	}

	/** The symbol parameter if one was sent, for fault injection and the log; never fails. */
	String symbolOrNull() {
		String symbol = values.get("symbol");
		return symbol == null || symbol.isEmpty() ? null : symbol;
	}

	void rejectMalformed() {
		if (malformed) {
			throw ExchangeError.duplicate();
		}
	}

	boolean has(String name) {
		return values.containsKey(name);
	}

	/** A parameter that must be present and non-empty. */
	String required(String name) {
		String value = values.get(name);
		if (value == null || value.isEmpty()) {
			throw ExchangeError.mandatory(name);
		}
		return value;
	}

	Optional<String> text(String name) {
		String value = values.get(name);
		if (value != null && value.isEmpty()) {
			throw ExchangeError.empty(name);
		}
		return Optional.ofNullable(value);
	}

	OptionalLong number(String name) {
		Optional<String> value = text(name);
		if (value.isEmpty()) {
			return OptionalLong.empty();
		}
		if (!INTEGER.matcher(value.get()).matches()) {
			throw ExchangeError.illegalCharacters(name);
		}
		try {
			return OptionalLong.of(Long.parseLong(value.get()));
		}
		catch (NumberFormatException e) {
			throw ExchangeError.illegalCharacters(name);
		}
	}

	/** An integer parameter within {@code min..max}, or {@code fallback} when absent. */
	int bounded(String name, int fallback, int min, int max) {
		OptionalLong value = number(name);
		if (value.isEmpty()) {
			return fallback;
		}
		if (value.getAsLong() < min || value.getAsLong() > max) {
			throw ExchangeError.invalidValue(name);
		}
		return (int) value.getAsLong();
	}
}
