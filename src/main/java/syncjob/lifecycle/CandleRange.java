package syncjob.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * The candles an excursion is measured over: from the one containing the entry to the one
 * containing the exit, in the finest interval that needs at most {@link #MAX_CANDLES} of them.
 * The integrator requests exactly these ({@code startTime = firstOpenTime},
 * {@code endTime = lastOpenTime}, {@code limit = count}).
 *
 * @param count candles from first to last, both included
 */
public record CandleRange(KlineInterval interval, Instant firstOpenTime, Instant lastOpenTime, long count) {

	/**
	 * A klines request with {@code limit} below 500 weighs at most 2, so one light request
	 * covers any trade.
	 */
	public static final int MAX_CANDLES = 499;

	public CandleRange {
		Objects.requireNonNull(interval, "interval");
		Objects.requireNonNull(firstOpenTime, "firstOpenTime");
		Objects.requireNonNull(lastOpenTime, "lastOpenTime");
	}

	/**
	 * The range for a hold from {@code entry} to {@code exit}. A hold too long even for
	 * {@code 1d} (over 498 days) gets {@code 1d} with more than {@link #MAX_CANDLES} candles:
	 * the candles are still exact, they just take more than one request.
	 */
	public static CandleRange covering(Instant entry, Instant exit) {
		for (KlineInterval interval : KlineInterval.values()) {
			if (interval.candlesCovering(entry, exit) <= MAX_CANDLES) {
				return in(interval, entry, exit);
			}
		}
		return in(KlineInterval.D1, entry, exit);
	}

	/** The range of {@code interval} candles for a hold from {@code entry} to {@code exit}. */
	public static CandleRange in(KlineInterval interval, Instant entry, Instant exit) {
		return new CandleRange(interval, interval.openTimeOf(entry), interval.openTimeOf(exit),
				interval.candlesCovering(entry, exit));
	}

	/** Whether the candle opening at {@code openTime} is one of this range's. */
	public boolean contains(Instant openTime) {
		return !openTime.isBefore(firstOpenTime) && !openTime.isAfter(lastOpenTime);
	}
}
