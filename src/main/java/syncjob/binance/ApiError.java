package syncjob.binance;

/** Binance's error body, {@code {"code":-1021,"msg":"..."}}. */
record ApiError(Integer code, String msg) {
}
