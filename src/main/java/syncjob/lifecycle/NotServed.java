package syncjob.lifecycle;

import java.time.Instant;

/**
 * Warnings for a column left null because Binance did not serve what it is computed from. The
 * integrator appends them to the row's warnings, so the row says what is missing and from when.
 */
public final class NotServed {

	public static final String FEE_PRICE_NOT_SERVED = "FEE_PRICE_NOT_SERVED";

	public static final String KLINES_NOT_SERVED = "KLINES_NOT_SERVED";

	private NotServed() {
	}

	/** e.g. {@code FEE_PRICE_NOT_SERVED: BNBUSDT 1m close at 2026-09-01T00:03:00Z not served by Binance}. */
	public static String feePrice(PriceMinute missing) {
		return FEE_PRICE_NOT_SERVED + ": " + missing.symbol() + " 1m close at " + missing.minute()
				+ " not served by Binance";
	}

	/** e.g. {@code KLINES_NOT_SERVED: 1h candles of BTCUSDT from ... to ... not served by Binance}. */
	public static String klines(String symbol, CandleRange range) {
		return KLINES_NOT_SERVED + ": " + range.interval().code() + " candles of " + symbol + " from "
				+ range.firstOpenTime() + " to " + range.lastOpenTime() + " not served by Binance";
	}
}
