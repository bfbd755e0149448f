package syncjob.lifecycle;

import java.util.List;

/** Candles as Binance served them, for measuring excursions. */
@FunctionalInterface
public interface CandleSource {

	/**
	 * Served candles of {@code range} (of the symbol the source is for), in any order: all of
	 * them, or at least those an excursion reads (the lowest low and the highest high); an empty
	 * list when Binance served none of them.
	 */
	List<Candle> candlesOf(CandleRange range);

}
