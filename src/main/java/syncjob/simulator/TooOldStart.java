package syncjob.simulator;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * What userTrades, allOrders and income answer to a {@code startTime} older than the
 * endpoint's retention: Binance's docs say only that older data is not served.
 */
public enum TooOldStart {

	/** Serve what is still within retention, as if startTime were the horizon. */
	CLIP,

	/** HTTP 400 {@code -1130 Data sent for parameter 'startTime' is not valid.} */
	ERROR;

	/** Throws the ERROR answer when {@code startTime} lies before {@code horizon}. */
	void check(OptionalLong startTime, Instant horizon) {
		if (this == ERROR && startTime.isPresent() && Instant.ofEpochMilli(startTime.getAsLong()).isBefore(horizon)) {
			throw ExchangeError.invalidValue("startTime");
		}
	}
}
