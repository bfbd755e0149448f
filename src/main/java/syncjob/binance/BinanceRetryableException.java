package syncjob.binance;

/**
 * A transient failure outlived the retry policy (retries exhausted, an IP ban longer than
 * {@code binance.max-ban-wait}, or the wait was interrupted): a later restart may succeed.
 */
public final class BinanceRetryableException extends BinanceException {

	BinanceRetryableException(String message, Throwable cause) {
		super(message, cause);
	}
}
