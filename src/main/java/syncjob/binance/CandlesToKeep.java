package syncjob.binance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

	/** Candles of one symbol and interval held before they are saved (duplicates counted): about a megabyte. */
	static final int SAVE_AT = 5_000;

	private static final Comparator<Candle> BY_OPEN_TIME = Comparator.comparing(Candle::openTime);

	private final CandleStore cache;

	private final Map<Key, List<Candle>> held = new HashMap<>();

	CandlesToKeep(CandleStore cache) {
		this.cache = cache;
	}

	/** Holds closed candles to save. */
	void add(String symbol, KlineInterval interval, List<Candle> closed) {
		if (closed.isEmpty()) {
			return;
		}
		Key key = new Key(symbol, interval);
		List<Candle> candles = this.held.computeIfAbsent(key, (k) -> new ArrayList<>());
		candles.addAll(closed);
		if (candles.size() >= SAVE_AT) {
			save(key, this.held.remove(key));
		}
	}

	/** Saves every candle still held. */
	void saveAll() {
		this.held.forEach(this::save);
		this.held.clear();
	}

	/**
	 * Saves the candles in open-time order, a candle held twice (two ranges overlapping) once.
	 * Answers come mostly in time order, so the sort costs little.
	 */
	private void save(Key key, List<Candle> candles) {
		candles.sort(BY_OPEN_TIME);
		List<Candle> once = new ArrayList<>(candles.size());
		Instant last = null;
		for (Candle candle : candles) {
			if (!candle.openTime().equals(last)) {
				once.add(candle);
				last = candle.openTime();
			}
		}
		this.cache.save(key.symbol(), key.interval(), once);
	}

	private record Key(String symbol, KlineInterval interval) {
	}

}
