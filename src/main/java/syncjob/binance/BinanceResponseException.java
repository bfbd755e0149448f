package syncjob.binance;

/**
 * A response that is not the expected JSON, has an unexpected shape, or is an error the client
 * does not know how to recover from. Nothing from such a response is used.
 */
public final class BinanceResponseException extends BinanceException {

	private final int httpStatus;

	private final Integer code;

	BinanceResponseException(String message, int httpStatus, Integer code, Throwable cause) {
		super(message, cause);
		this.httpStatus = httpStatus;
		this.code = code;
	}

	/** HTTP status of the response. */
	public int httpStatus() {
		return httpStatus;
	}

	/** The Binance error code, or null when the body carried none. */
	public Integer code() {
		return code;
	}
}
