package syncjob.binance;

/**
 * Totals of one client: HTTP calls sent (retries included), the weight they cost, retries,
 * and how often Binance answered 429 (rate limited) or 418 (IP banned).
 */
public record FetchStats(long calls, long weight, long retries, long rateLimited, long banned) {
}
