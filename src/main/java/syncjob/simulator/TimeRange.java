package syncjob.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** An inclusive range of epoch milliseconds that a history query covers. */
record TimeRange(long fromMillis, long toMillis) {

	static final long SEVEN_DAYS = Duration.ofDays(7).toMillis();

	boolean contains(Instant time) {
		long millis = time.toEpochMilli();
		return millis >= fromMillis && millis <= toMillis;
	}

	/**
	 * userTrades and allOrders: without times the last 7 days; startTime alone covers 7
	 * days from it, endTime alone 7 days before it. A span over 7 days is answered, as
	 * Binance does, with no rows at all: empty here.
	 */
	static Optional<TimeRange> sevenDays(OptionalLong start, OptionalLong end, long nowMillis) {
		requireOrdered(start, end);
		TimeRange range;
		if (start.isPresent() && end.isPresent()) {
			range = new TimeRange(start.getAsLong(), end.getAsLong());
		}
		else if (start.isPresent()) {
			range = new TimeRange(start.getAsLong(), start.getAsLong() + SEVEN_DAYS);
		}
		else if (end.isPresent()) {
			range = new TimeRange(end.getAsLong() - SEVEN_DAYS, end.getAsLong());
		}
		else {
			range = new TimeRange(nowMillis - SEVEN_DAYS, nowMillis);
		}
		return range.toMillis - range.fromMillis > SEVEN_DAYS ? Optional.empty() : Optional.of(range);
	}

	/** income: without times the last 7 days; a missing end is now, a missing start is the beginning. */
	static TimeRange unbounded(OptionalLong start, OptionalLong end, long nowMillis) {
		requireOrdered(start, end);
		if (start.isEmpty() && end.isEmpty()) {
			return new TimeRange(nowMillis - SEVEN_DAYS, nowMillis);
		}
		return new TimeRange(start.orElse(Long.MIN_VALUE), end.orElse(nowMillis));
	}

	private static void requireOrdered(OptionalLong start, OptionalLong end) {
		if (start.isPresent() && end.isPresent() && start.getAsLong() > end.getAsLong()) {
			throw ExchangeError.startAfterEnd();
		}
	}
}
