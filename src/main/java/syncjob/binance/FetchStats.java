package syncjob.binance;

/**
 * Totals of one client: HTTP calls sent (retries included), the weight they cost, retries,
 * and how often Binance answered 429 (rate limited) or 418 (IP banned); of the calls, those
 * to {@code GET /fapi/v1/klines} and their weight apart, since they serve only the journal's
 * detail columns and are what {@code sync.excursions} and {@code sync.value-other-fees} cost.
 */
public record FetchStats(long calls, long weight, long retries, long rateLimited, long banned, long klinesCalls,
		long klinesWeight) {
}
