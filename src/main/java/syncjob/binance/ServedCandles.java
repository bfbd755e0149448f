package syncjob.binance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import syncjob.lifecycle.Candle;
import syncjob.lifecycle.CandleRange;
import syncjob.lifecycle.CandleSource;
import syncjob.lifecycle.KlineInterval;

/**
 * One symbol's candles for its trades' excursions, as served (from Binance or the cache).
 *
 * @param notes what was not served, for the log
 * @param calls requests sent to Binance (retries included), and their {@code weight}
 */
public record ServedCandles(String symbol, Map<KlineInterval, NavigableMap<Instant, Candle>> byInterval,
		List<String> notes, int calls, int weight) implements CandleSource {

	public ServedCandles {
		Map<KlineInterval, NavigableMap<Instant, Candle>> copy = new EnumMap<>(KlineInterval.class);
		byInterval.forEach((interval, candles) -> copy.put(interval, new TreeMap<>(candles)));
		byInterval = copy;
		notes = List.copyOf(notes);
	}

	/** Nothing: excursions are off. */
	public static ServedCandles none(String symbol) {
		return new ServedCandles(symbol, Map.of(), List.of(), 0, 0);
	}

	@Override
	public List<Candle> candlesOf(CandleRange range) {
		NavigableMap<Instant, Candle> candles = byInterval.get(range.interval());
		return candles == null ? List.of()
				: new ArrayList<>(candles.subMap(range.firstOpenTime(), true, range.lastOpenTime(), true).values());
	}

}
