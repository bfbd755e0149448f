package syncjob.binance;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shape checks shared by the JSON rows: a missing field is an unexpected response, never a default. */
final class RowFields {

	private static final int SHARED_MAX_LENGTH = 32;

	private static final int SHARED_MAX_ENTRIES = 10_000;

	private static final Map<String, String> SHARED = new ConcurrentHashMap<>();

	private RowFields() {
	}

	static <T> T require(T value, String field) {
		if (value == null) {
			throw new IllegalStateException("field '" + field + "' is missing");
		}
		return value;
	}

	static Instant instant(Long epochMillis) {
		return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
	}

	/**
	 * One shared instance of a short, often repeated value (a symbol, an asset, an order type):
	 * a large sync holds hundreds of thousands of fills and orders, each with its own copy
	 * otherwise. Bounded, so unexpected values cannot grow it without end.
	 */
	static String shared(String value) {
		if (value == null || value.length() > SHARED_MAX_LENGTH) {
			return value;
		}
		String known = SHARED.get(value);
		if (known != null || SHARED.size() >= SHARED_MAX_ENTRIES) {
			return known != null ? known : value;
		}
		String raced = SHARED.putIfAbsent(value, value);
		return raced != null ? raced : value;
	}

}
