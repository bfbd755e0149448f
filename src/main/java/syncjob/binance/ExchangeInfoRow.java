package syncjob.binance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /fapi/v1/exchangeInfo}: only the request-weight limit and each symbol's quote asset are read. */
record ExchangeInfoRow(List<RateLimit> rateLimits, List<SymbolRow> symbols) {

	record RateLimit(String rateLimitType, String interval, Integer intervalNum, Integer limit) {
	}

	record SymbolRow(String symbol, String baseAsset, String quoteAsset) {
	}

	/** The REQUEST_WEIGHT limit per minute; a limit over several minutes is spread evenly (rounded down, to stay safe). */
	int weightLimitPerMinute() {
		return RowFields.require(rateLimits, "rateLimits").stream()
			.filter(limit -> "REQUEST_WEIGHT".equals(limit.rateLimitType()) && "MINUTE".equals(limit.interval())
					&& limit.limit() != null && limit.limit() > 0)
			.mapToInt(limit -> limit.limit() / Math.max(1, limit.intervalNum() == null ? 1 : limit.intervalNum()))
			.filter(perMinute -> perMinute > 0)
			.min()
			.orElseThrow(() -> new IllegalStateException("no REQUEST_WEIGHT per MINUTE rate limit"));
	}

	Map<String, String> quoteAssetBySymbol() {
		Map<String, String> quotes = new LinkedHashMap<>();
		for (SymbolRow row : RowFields.require(symbols, "symbols")) {
			quotes.put(RowFields.require(row.symbol(), "symbol"), RowFields.require(row.quoteAsset(), "quoteAsset"));
		}
		return quotes;
	}
}
