package syncjob.lifecycle;

import java.util.List;

/** Candles as Binance served them, for measuring excursions. */
@FunctionalInterface
public interface CandleSource {

	/**
	 * The served candles of {@code range} (of the symbol the source is for), in any order; an
	 * empty list when Binance served none of them.
	 */
	List<Candle> candlesOf(CandleRange range);

}
