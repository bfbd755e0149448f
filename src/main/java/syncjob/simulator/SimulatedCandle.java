package syncjob.simulator;

import java.math.BigDecimal;

/** One kline as {@code GET /fapi/v1/klines} serves it, last price; times in epoch ms. */
record SimulatedCandle(long openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
		BigDecimal volume, long closeTime, BigDecimal quoteVolume, long trades, BigDecimal takerBuyVolume,
		BigDecimal takerBuyQuoteVolume) {
}
