package syncjob.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

/**
 * Binance's kline intervals, {@code 1m} to {@code 1M}, and where their candles open: fixed
 * lengths are aligned from the epoch, weeks start on Monday 00:00 UTC, months on the first
 * day of the calendar month, as Binance's are.
 */
enum KlineIntervals {

	M1("1m", 1), M3("3m", 3), M5("5m", 5), M15("15m", 15), M30("30m", 30), H1("1h", 60), H2("2h", 120),
	H4("4h", 240), H6("6h", 360), H8("8h", 480), H12("12h", 720), D1("1d", 1_440), D3("3d", 4_320),
	W1("1w", 10_080), MONTH("1M", 0);

	static final long MINUTE_MS = 60_000L;

	/** 1970-01-01 was a Thursday: Mondays are 4 days after it, modulo 7. */
	private static final long MONDAY_OFFSET_MS = 4 * 1_440 * MINUTE_MS;

	private final String code;

	/** 0 for the calendar month, whose length varies. */
	private final long minutes;

	KlineIntervals(String code, long minutes) {
		this.code = code;
		this.minutes = minutes;
	}

	static Optional<KlineIntervals> of(String code) {
		return Arrays.stream(values()).filter(interval -> interval.code.equals(code)).findFirst();
	}

	String code() {
		return code;
	}

	/** Open time of the candle containing {@code timeMs}. */
	long openOf(long timeMs) {
		if (this == MONTH) {
			LocalDate day = Instant.ofEpochMilli(timeMs).atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
			return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
		}
		long length = minutes * MINUTE_MS;
		long offset = this == W1 ? MONDAY_OFFSET_MS : 0;
		return Math.floorDiv(timeMs - offset, length) * length + offset;
	}

	/** Open time of the candle after the one opening at {@code openMs}. */
	long next(long openMs) {
		if (this == MONTH) {
			LocalDate day = Instant.ofEpochMilli(openMs).atZone(ZoneOffset.UTC).toLocalDate().plusMonths(1);
			return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
		}
		return openMs + minutes * MINUTE_MS;
	}

	/** Open time of the first candle opening at or after {@code timeMs}. */
	long openAtOrAfter(long timeMs) {
		long open = openOf(timeMs);
		return open == timeMs ? open : next(open);
	}
}
