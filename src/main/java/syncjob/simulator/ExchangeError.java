package syncjob.simulator;

/**
 * A rule violation answered as Binance answers it: an HTTP status and a
 * {@code {"code":N,"msg":"..."}} body, with Binance's codes and wording.
 */
final class ExchangeError extends RuntimeException {

	private final int status;

	private final int code;

	ExchangeError(int status, int code, String msg) {
		super(msg, null, false, false);
		this.status = status;
		this.code = code;
	}

	int status() {
		return status;
	}

	int code() {
		return code;
	}

	static ExchangeError unknownApiKey() {
		return new ExchangeError(401, -2015, "Invalid API-key, IP, or permissions for action.");
	}

	static ExchangeError malformedApiKey() {
		return new ExchangeError(401, -2014, "API-key format invalid.");
	}

	static ExchangeError badSignature() {
		return new ExchangeError(400, -1022, "Signature for this request is not valid.");
	}

	static ExchangeError timestampBehind() {
		return new ExchangeError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
	}

	static ExchangeError timestampAhead() {
		return new ExchangeError(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
	}

	static ExchangeError recvWindowTooLarge() {
		return new ExchangeError(400, -1131, "recvWindow must be less than 60000");
	}

	static ExchangeError mandatory(String parameter) {
		return new ExchangeError(400, -1102,
				"Mandatory parameter '" + parameter + "' was not sent, was empty/null, or malformed.");
	}

	static ExchangeError empty(String parameter) {
		return new ExchangeError(400, -1105, "Parameter '" + parameter + "' was empty.");
	}

	static ExchangeError illegalCharacters(String parameter) {
		return new ExchangeError(400, -1100,
				"Illegal characters found in parameter '" + parameter + "'; legal range is '^[0-9]{1,20}$'.");
	}

	static ExchangeError duplicate() {
		return new ExchangeError(400, -1101, "Duplicate values for a parameter detected.");
	}

	static ExchangeError invalidSymbol() {
		return new ExchangeError(400, -1121, "Invalid symbol.");
	}

	static ExchangeError invalidInterval() {
		return new ExchangeError(400, -1120, "Invalid interval.");
	}

	static ExchangeError invalidValue(String parameter) {
		return new ExchangeError(400, -1130, "Data sent for parameter '" + parameter + "' is not valid.");
	}

	static ExchangeError notRequired(String parameter) {
		return new ExchangeError(400, -1106, "Parameter '" + parameter + "' sent when not required.");
	}

	static ExchangeError startAfterEnd() {
		return new ExchangeError(400, -1023, "Start time is greater than end time.");
	}

	static ExchangeError orderIdOrClientOrderIdMissing() {
		return new ExchangeError(400, -1102,
				"Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
	}

	static ExchangeError orderDoesNotExist() {
		return new ExchangeError(400, -2013, "Order does not exist.");
	}

	static ExchangeError notFound() {
		return new ExchangeError(404, -1000, "Not found.");
	}

	static ExchangeError methodNotAllowed() {
		return new ExchangeError(405, -1000, "Method not allowed.");
	}
}
