package syncjob.binance;

import java.time.Instant;

/** Shape checks shared by the JSON rows: a missing field is an unexpected response, never a default. */
final class Rows {

	private Rows() {
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
}
