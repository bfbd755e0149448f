package syncjob.binance;

import java.util.List;
import java.util.Map;

import syncjob.lifecycle.Candle;
import syncjob.lifecycle.CandleRange;
import syncjob.lifecycle.CandleSource;

/**
 * One symbol's candles for its trades' excursions, as served (from Binance or the cache): per
 * range only the candles an excursion reads, the one with the lowest low and the one with the
 * highest high, so that a symbol with thousands of trades does not hold millions of candles.
 *
 * @param extremes per range asked for, its extreme candles; absent when none was served
 * @param notes    what was not served, for the log
 * @param calls    requests sent to Binance (retries included), and their {@code weight}
 */
public record ServedCandles(String symbol, Map<CandleRange, List<Candle>> extremes, List<String> notes, int calls,
		int weight) implements CandleSource {

	public ServedCandles {
		extremes = Map.copyOf(extremes);
		notes = List.copyOf(notes);
	}

	/**
	 * The candles of {@code served} an excursion reads: the lowest low and the highest high, each
	 * the first of equals, the lowest first; one candle when it is both; none when none was served.
	 * A plain loop: a symbol's ranges run over millions of candles in a large sync.
	 */
	static List<Candle> extremesOf(Iterable<Candle> served) {
		Candle lowest = null;
		Candle highest = null;
		for (Candle candle : served) {
			if (lowest == null) {
				lowest = candle;
				highest = candle;
				continue;
			}
			if (candle.low().compareTo(lowest.low()) < 0) {
				lowest = candle;
			}
			if (candle.high().compareTo(highest.high()) > 0) {
				highest = candle;
			}
		}
		if (lowest == null) {
			return List.of();
		}
		return lowest.equals(highest) ? List.of(lowest) : List.of(lowest, highest);
	}

	/** The served candles of the range an excursion reads, at least its lowest low and highest high. */
	@Override
	public List<Candle> candlesOf(CandleRange range) {
		return extremes.getOrDefault(range, List.of());
	}

}
