package syncjob.simulator;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import syncjob.lifecycle.Fill;

/**
 * One symbol's last price minute by minute, in ticks, as a pure function of the minute: a
 * minute with fills closes at its last fill and spans every fill's price; between such minutes
 * the price runs from one to the next with a seeded wobble; a symbol without fills wanders
 * hour by hour around a start level. Nothing is stored per minute, so years of history cost
 * only the fills' minutes, and any candle can be computed on demand, always the same.
 */
final class MinutePath {

	/** Wobble of a minute's close around its trend, in basis points either way. */
	private static final int WOBBLE_BP = 15;

	/** Largest wick beyond a minute's open, close and fills, in basis points. */
	private static final int WICK_BP = 10;

	/** Swing of an untraded symbol's hourly level around its start, in basis points either way. */
	private static final int SWING_BP = 300;

	private final int scale;

	private final long seed;

	private final long[] minutes;

	private final long[] lastTicks;

	private final long[] highTicks;

	private final long[] lowTicks;

	private final long startTicks;

	private MinutePath(int scale, long seed, long[] minutes, long[] lastTicks, long[] highTicks, long[] lowTicks,
			long startTicks) {
		this.scale = scale;
		this.seed = seed;
		this.minutes = minutes;
		this.lastTicks = lastTicks;
		this.highTicks = highTicks;
		this.lowTicks = lowTicks;
		this.startTicks = startTicks;
	}

	/** The path through {@code fills}, one symbol's, sorted by (time, id). */
	static MinutePath through(String symbol, List<Fill> fills) {
		int scale = fills.stream().mapToInt(fill -> Math.max(0, fill.price().stripTrailingZeros().scale())).max()
			.orElse(0);
		long[] minutes = new long[fills.size()];
		long[] last = new long[fills.size()];
		long[] high = new long[fills.size()];
		long[] low = new long[fills.size()];
		int count = 0;
		for (Fill fill : fills) {
			long minute = Math.floorDiv(fill.time().toEpochMilli(), KlineIntervals.MINUTE_MS);
			long ticks = fill.price().movePointRight(scale).longValueExact();
			if (count > 0 && minutes[count - 1] == minute) {
				last[count - 1] = ticks;
				high[count - 1] = Math.max(high[count - 1], ticks);
				low[count - 1] = Math.min(low[count - 1], ticks);
				continue;
			}
			minutes[count] = minute;
			last[count] = ticks;
			high[count] = ticks;
			low[count] = ticks;
			count++;
		}
		return new MinutePath(scale, seedOf(symbol), Arrays.copyOf(minutes, count), Arrays.copyOf(last, count),
				Arrays.copyOf(high, count), Arrays.copyOf(low, count), count == 0 ? 1 : last[0]);
	}

	/** A path for a symbol the account never traded, around {@code start}. */
	static MinutePath untraded(String symbol, BigDecimal start) {
		int scale = Math.max(0, start.scale());
		return new MinutePath(scale, seedOf(symbol), new long[0], new long[0], new long[0], new long[0],
				start.movePointRight(scale).longValueExact());
	}

	int scale() {
		return scale;
	}

	long close(long minute) {
		int at = Arrays.binarySearch(minutes, minute);
		if (at >= 0) {
			return lastTicks[at];
		}
		return closeBetween(minute, -at - 1);
	}

	/** Close of a minute without fills, {@code next} the index of the first anchor after it. */
	private long closeBetween(long minute, int next) {
		long trend = trend(minute, next);
		return Math.max(1, trend + trend * (mix(minute, 1) % (2 * WOBBLE_BP + 1) - WOBBLE_BP) / 10_000);
	}

	/**
	 * The candle of minutes {@code from} (inclusive) to {@code to} (exclusive), {@code from < to}:
	 * opens at the first minute's open, closes at the last one's close, spans every minute's
	 * wicks; volumes and trades summed.
	 */
	Span span(long from, long to) {
		long open = close(from - 1);
		long previous = open;
		long high = Long.MIN_VALUE;
		long low = Long.MAX_VALUE;
		long volume = 0;
		long quoteVolume = 0;
		long trades = 0;
		long takerVolume = 0;
		long takerQuote = 0;
		// the anchors are walked along with the minutes, not searched for each one
		int found = Arrays.binarySearch(minutes, from);
		int next = found >= 0 ? found : -found - 1;
		for (long minute = from; minute < to; minute++) {
			while (next < minutes.length && minutes[next] < minute) {
				next++;
			}
			boolean anchor = next < minutes.length && minutes[next] == minute;
			long close = anchor ? lastTicks[next] : closeBetween(minute, next);
			long top = Math.max(previous, close);
			long bottom = Math.min(previous, close);
			if (anchor) {
				top = Math.max(top, highTicks[next]);
				bottom = Math.min(bottom, lowTicks[next]);
			}
			high = Math.max(high, top + top * (mix(minute, 2) % (WICK_BP + 1)) / 10_000);
			low = Math.min(low, Math.max(1, bottom - bottom * (mix(minute, 3) % (WICK_BP + 1)) / 10_000));
			long minuteVolume = 1 + mix(minute, 4) % 10_000;
			long minuteTaker = minuteVolume * (mix(minute, 6) % 101) / 100;
			volume += minuteVolume;
			quoteVolume += minuteVolume * close;
			takerVolume += minuteTaker;
			takerQuote += minuteTaker * close;
			trades += 1 + mix(minute, 5) % 500;
			previous = close;
		}
		return new Span(open, high, low, previous, volume, quoteVolume, trades, takerVolume, takerQuote);
	}

	/**
	 * One candle in ticks of the path's scale; volumes in thousandths of the base asset, quote
	 * volumes in thousandths times ticks.
	 */
	record Span(long open, long high, long low, long close, long volumeMillis, long quoteVolume, long trades,
			long takerVolumeMillis, long takerQuote) {
	}

	/** Between the anchors around a minute without fills: straight from one to the next. */
	private long trend(long minute, int next) {
		if (minutes.length == 0) {
			return untradedTrend(minute);
		}
		if (next == 0) {
			return lastTicks[0];
		}
		if (next == minutes.length) {
			return lastTicks[minutes.length - 1];
		}
		long fromMinute = minutes[next - 1];
		long from = lastTicks[next - 1];
		long to = lastTicks[next];
		return from + (to - from) * (minute - fromMinute) / (minutes[next] - fromMinute);
	}

	private long untradedTrend(long minute) {
		long hour = Math.floorDiv(minute, 60);
		long from = hourLevel(hour);
		long to = hourLevel(hour + 1);
		return from + (to - from) * Math.floorMod(minute, 60) / 60;
	}

	private long hourLevel(long hour) {
		long swing = mix(hour, 7) % (2 * SWING_BP + 1) - SWING_BP;
		return Math.max(1, startTicks + startTicks * swing / 10_000);
	}

	/** A non-negative hash of the minute (or hour) for one use: the same on every JVM. */
	private long mix(long value, long use) {
		long z = seed + value * 0x9E3779B97F4A7C15L + use * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		z = z ^ (z >>> 31);
		return z & Long.MAX_VALUE;
	}

	private static long seedOf(String symbol) {
		long seed = 1_125_899_906_842_597L;
		for (int i = 0; i < symbol.length(); i++) {
			seed = 31 * seed + symbol.charAt(i);
		}
		return seed;
	}
}
