package syncjob.binance;

/** A symbol's candles for its trades' excursions and the fee-minute closes, fetched together. */
public record ServedKlines(ServedCandles candles, ServedCloses closes) {
}
