package syncjob.binance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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

	/** The candles of {@code served} an excursion reads: the lowest low and the highest high. */
	static List<Candle> extremesOf(List<Candle> served) {
		Optional<Candle> lowest = served.stream().min(Comparator.comparing(Candle::low));
		Optional<Candle> highest = served.stream().max(Comparator.comparing(Candle::high));
		List<Candle> extremes = new ArrayList<>(2);
		Stream.of(lowest, highest).flatMap(Optional::stream).distinct().forEach(extremes::add);
		return extremes;
	}

	/** The served candles of the range an excursion reads, at least its lowest low and highest high. */
	@Override
	public List<Candle> candlesOf(CandleRange range) {
		return extremes.getOrDefault(range, List.of());
	}

}
