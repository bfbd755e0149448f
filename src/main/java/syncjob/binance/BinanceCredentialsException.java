package syncjob.binance;

/** Binance rejected the API key, its IP or permissions, or the signature (-2014, -2015, -1022): retrying cannot help. */
public final class BinanceCredentialsException extends BinanceException {

	private final int code;

	BinanceCredentialsException(String message, int code) {
		super(message, null);
		this.code = code;
	}

	/** The Binance error code (-2014, -2015, -1022), or 0 for a bare HTTP 401. */
	public int code() {
		return code;
	}
}
