package syncjob.simulator;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * {@code GET /fapi/v1/klines}, public: candles of one symbol and interval, ascending by open
 * time, at most {@code limit} (default 500, at most 1500). With {@code startTime}, from the
 * first candle opening at or after it; with {@code endTime}, up to the last opening at or
 * before it; with neither, the most recent. A symbol without a market is {@code -1121}.
 * Rows are arrays in Binance's order: open time, open, high, low, close, volume, close time,
 * quote volume, trades, taker buy base volume, taker buy quote volume, ignore.
 */
final class KlinesEndpoint implements EndpointHandler {

	static final int DEFAULT_LIMIT = 500;

	static final int MAX_LIMIT = 1500;

	private final PricePathCandles market;

	KlinesEndpoint(PricePathCandles market) {
		this.market = market;
	}

	/** Binance's weight of a klines request by its {@code limit}; an unreadable limit weighs as the default. */
	static int weight(QueryParams params) {
		int limit;
		try {
			limit = params.bounded("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
		}
		catch (ExchangeError invalid) {
			limit = DEFAULT_LIMIT;
		}
		if (limit < 100) {
			return 1;
		}
		if (limit < 500) {
			return 2;
		}
		return limit <= 1000 ? 5 : 10;
	}

	@Override
	public JsonNode respond(QueryParams params, Instant serverNow) {
		String symbol = params.required("symbol");
		String code = params.required("interval");
		if (!market.serves(symbol)) {
			throw ExchangeError.invalidSymbol();
		}
		KlineIntervals interval = KlineIntervals.of(code).orElseThrow(ExchangeError::invalidInterval);
		int limit = params.bounded("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
		OptionalLong start = params.number("startTime");
		OptionalLong end = params.number("endTime");
		if (start.isPresent() && end.isPresent() && start.getAsLong() > end.getAsLong()) {
			throw ExchangeError.startAfterEnd();
		}
		long now = serverNow.toEpochMilli();
		List<SimulatedCandle> candles = start.isPresent()
				? market.candles(symbol, interval, start.getAsLong(), end.orElse(Long.MAX_VALUE), limit, now)
				: market.latest(symbol, interval, end.orElse(now), limit, now);
		ArrayNode rows = ExchangeJson.array();
		for (SimulatedCandle candle : candles) {
			ArrayNode row = rows.addArray();
			row.add(candle.openTime());
			row.add(candle.open().toPlainString());
			row.add(candle.high().toPlainString());
			row.add(candle.low().toPlainString());
			row.add(candle.close().toPlainString());
			row.add(candle.volume().toPlainString());
			row.add(candle.closeTime());
			row.add(candle.quoteVolume().toPlainString());
			row.add(candle.trades());
			row.add(candle.takerBuyVolume().toPlainString());
			row.add(candle.takerBuyQuoteVolume().toPlainString());
			row.add("0");
		}
		return rows;
	}
}
