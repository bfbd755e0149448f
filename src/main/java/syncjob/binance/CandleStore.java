package syncjob.binance;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import syncjob.lifecycle.Candle;
import syncjob.lifecycle.KlineInterval;

/**
 * Where klines are kept between runs (the job keeps them in the journal database, per exchange
 * base URL). Only candles that had closed when they were served are given to {@link #save}: a
 * closed candle is immutable history, an open one still changes.
 */
public interface CandleStore {

	/** Keeps nothing: every run asks Binance for every candle. */
	CandleStore NONE = new CandleStore() {

		@Override
		public List<Candle> load(String symbol, KlineInterval interval, Instant firstOpenTime,
				Instant lastOpenTime) {
			return List.of();
		}

		@Override
		public List<Candle> load(String symbol, KlineInterval interval, Collection<Instant> openTimes) {
			return List.of();
		}

		@Override
		public void save(String symbol, KlineInterval interval, List<Candle> closed) {
		}

	};

	/** The kept candles opening from {@code firstOpenTime} to {@code lastOpenTime}, both included, in any order. */
	List<Candle> load(String symbol, KlineInterval interval, Instant firstOpenTime, Instant lastOpenTime);

	/** The kept candles opening at any of {@code openTimes}, in any order. */
	List<Candle> load(String symbol, KlineInterval interval, Collection<Instant> openTimes);

	/** Keeps closed candles; one already kept stays as it is. Never a reason to fail a run. */
	void save(String symbol, KlineInterval interval, List<Candle> closed);

}
