package syncjob.binance;

import java.time.Duration;

/**
 * Told about every call the client makes, for metrics: the answer's status per endpoint, the
 * retries, the rate limits and the waits for weight. Called on the calling threads; must be
 * quick and thread-safe. Nothing here carries a parameter value, a key or a signature.
 */
public interface CallListener {

	CallListener NONE = new CallListener() {
	};

	/**
	 * @param endpoint the path, e.g. {@code /fapi/v1/userTrades}
	 * @param status the HTTP status, 0 when no response came (timeout, connection reset)
	 * @param weight the request weight reserved for the call
	 */
	default void answered(String endpoint, int status, int weight) {
	}

	default void retried(String endpoint) {
	}

	/** A 429 or 403 (rate limited) or a 418 (IP banned). */
	default void limited(int status) {
	}

	/** Time a call waited for the request-weight budget (a full minute, a pause, its turn). */
	default void waitedForWeight(Duration waited) {
	}

}
