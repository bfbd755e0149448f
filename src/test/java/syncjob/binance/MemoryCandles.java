package syncjob.binance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import syncjob.lifecycle.Candle;
import syncjob.lifecycle.KlineInterval;

/** A klines cache in memory, keeping what it was given to save in the order it came. */
final class MemoryCandles implements CandleStore {

	private final Map<String, NavigableMap<Instant, Candle>> kept = new ConcurrentHashMap<>();

	private final List<Candle> saved = new ArrayList<>();

	private int saves;

	/** Puts candles in the cache as an earlier run would have. */
	synchronized MemoryCandles with(String symbol, KlineInterval interval, List<Candle> candles) {
		candles.forEach(candle -> of(symbol, interval).put(candle.openTime(), candle));
		return this;
	}

	/** How many times {@link #save} was called. */
	synchronized int saves() {
		return saves;
	}

	/** What this run saved, in order. */
	synchronized List<Candle> saved() {
		return List.copyOf(saved);
	}

	@Override
	public synchronized List<Candle> load(String symbol, KlineInterval interval, Instant firstOpenTime,
			Instant lastOpenTime) {
		return new ArrayList<>(of(symbol, interval).subMap(firstOpenTime, true, lastOpenTime, true).values());
	}

	@Override
	public synchronized List<Candle> load(String symbol, KlineInterval interval, Collection<Instant> openTimes) {
		return openTimes.stream().map(of(symbol, interval)::get).filter(candle -> candle != null).toList();
	}

	@Override
	public synchronized void save(String symbol, KlineInterval interval, List<Candle> closed) {
		saves++;
		saved.addAll(closed);
		with(symbol, interval, closed);
	}

	private NavigableMap<Instant, Candle> of(String symbol, KlineInterval interval) {
		return kept.computeIfAbsent(symbol + "/" + interval.code(), key -> new TreeMap<>());
	}

}
