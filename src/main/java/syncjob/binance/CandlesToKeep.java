package syncjob.binance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import syncjob.lifecycle.Candle;
import syncjob.lifecycle.KlineInterval;

/**
 * The closed candles one klines call was served, handed to the cache a few thousand at a time
 * instead of one answer at a time. A symbol's trades make hundreds of small requests (tens of
 * candles each): saved one by one, each was a transaction of its own, and in the 1M-fill
 * benchmark those commits and their rows cost more than reading the candles. Not thread-safe:
 * used by the thread that waits for the call's answers.
 */
final class CandlesToKeep {

	/** Candles of one symbol and interval held before they are saved: about a megabyte. */
	static final int SAVE_AT = 5_000;

	private final CandleStore cache;

	private final Map<Key, TreeMap<Instant, Candle>> held = new HashMap<>();

	CandlesToKeep(CandleStore cache) {
		this.cache = cache;
	}

	/** Holds closed candles to save; a candle held already (two ranges overlapping) is held once. */
	void add(String symbol, KlineInterval interval, List<Candle> closed) {
		if (closed.isEmpty()) {
			return;
		}
		Key key = new Key(symbol, interval);
		TreeMap<Instant, Candle> candles = this.held.computeIfAbsent(key, (k) -> new TreeMap<>());
		closed.forEach((candle) -> candles.putIfAbsent(candle.openTime(), candle));
		if (candles.size() >= SAVE_AT) {
			save(key, this.held.remove(key));
		}
	}

	/** Saves every candle still held. */
	void saveAll() {
		List<Map.Entry<Key, TreeMap<Instant, Candle>>> left = new ArrayList<>(this.held.entrySet());
		this.held.clear();
		left.forEach((entry) -> save(entry.getKey(), entry.getValue()));
	}

	private void save(Key key, TreeMap<Instant, Candle> candles) {
		this.cache.save(key.symbol(), key.interval(), new ArrayList<>(candles.values()));
	}

	private record Key(String symbol, KlineInterval interval) {
	}

}
