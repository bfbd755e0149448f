package syncjob.binance;

/**
 * Base of the client's few failure types. Messages name the endpoint and symbol and never
 * contain the API key, the secret or a signature.
 */
public abstract class BinanceException extends RuntimeException {

	BinanceException(String message, Throwable cause) {
		super(message, cause);
	}
}
