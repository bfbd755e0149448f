package syncjob.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static syncjob.lifecycle.Fills.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Interval choice at its boundaries. T0 (2026-09-01T00:00Z) is a UTC midnight, so it opens a
 * candle of every interval.
 */
class CandleRangeTest {

	private static final Duration MS = Duration.ofMillis(1);

	@Test
	void exactly499OneMinuteCandlesStayOneMinute() {
		// candles 00:00 .. 08:18 are 499: the exit in the last millisecond of 08:18
		Instant exit = T0.plus(Duration.ofMinutes(499)).minus(MS);
		assertEquals(new CandleRange(KlineInterval.M1, T0, T0.plus(Duration.ofMinutes(498)), 499),
				CandleRange.covering(T0, exit));
	}

	@Test
	void fiveHundredOneMinuteCandlesTakeThreeMinutes() {
		// exit at 08:19 needs candle 08:19 too: 500. 3m: 0 .. floor(499 / 3) = 166, so 167 from 00:00 to 08:18
		Instant exit = T0.plus(Duration.ofMinutes(499));
		assertEquals(new CandleRange(KlineInterval.M3, T0, T0.plus(Duration.ofMinutes(498)), 167),
				CandleRange.covering(T0, exit));
	}

	@Test
	void entryJustBeforeACandleBoundaryCountsThatCandle() {
		Instant exit = T0.plus(Duration.ofMinutes(500)).minus(MS); // in candle 08:19
		// from 00:00:59.999: candles 0 .. 499 = 500
		assertEquals(KlineInterval.M3, CandleRange.covering(T0.plus(Duration.ofMinutes(1)).minus(MS), exit).interval());
		// from exactly 00:01: candles 1 .. 499 = 499
		assertEquals(new CandleRange(KlineInterval.M1, T0.plus(Duration.ofMinutes(1)),
				T0.plus(Duration.ofMinutes(499)), 499), CandleRange.covering(T0.plus(Duration.ofMinutes(1)), exit));
	}

	@Test
	void exitOnACandleBoundaryOpensOneMore() {
		assertEquals(1, KlineInterval.H1.candlesCovering(T0, T0.plus(Duration.ofHours(1)).minus(MS)));
		assertEquals(2, KlineInterval.H1.candlesCovering(T0, T0.plus(Duration.ofHours(1))));
		// one millisecond across midnight is two 1m candles, and two days
		Instant midnight = T0.plus(Duration.ofDays(1));
		assertEquals(new CandleRange(KlineInterval.M1, midnight.minus(Duration.ofMinutes(1)), midnight, 2),
				CandleRange.covering(midnight.minus(MS), midnight));
		assertEquals(2, KlineInterval.D1.candlesCovering(midnight.minus(MS), midnight));
	}

	@Test
	void holdOfZeroIsOneCandle() {
		Instant at = T0.plusMillis(12_345);
		assertEquals(new CandleRange(KlineInterval.M1, T0, T0, 1), CandleRange.covering(at, at));
	}

	@Test
	void eachIntervalAtItsOwnBoundary() {
		KlineInterval[] intervals = KlineInterval.values();
		for (int i = 0; i < intervals.length; i++) {
			Duration length = intervals[i].length();
			Instant last = T0.plus(length.multipliedBy(499)).minus(MS); // 499 candles of this interval
			assertEquals(intervals[i], CandleRange.covering(T0, last).interval(), intervals[i].code());
			if (i + 1 < intervals.length) {
				// one millisecond later needs a 500th: the next interval
				assertEquals(intervals[i + 1], CandleRange.covering(T0, last.plus(MS)).interval(),
						intervals[i].code());
			}
		}
	}

	@Test
	void twelveHoursToOneDay() {
		// 12h: 499 candles hold up to 249.5 days; one more millisecond needs days 0 .. 249 = 250
		Instant exit = T0.plus(Duration.ofHours(12 * 499));
		assertEquals(new CandleRange(KlineInterval.D1, T0, T0.plus(Duration.ofDays(249)), 250),
				CandleRange.covering(T0, exit));
	}

	@Test
	void longerThanAnyIntervalCoversFallsBackToDays() {
		// 600 days: 601 daily candles, more than one light request, but exact
		Instant entry = T0.plus(Duration.ofHours(13));
		assertEquals(new CandleRange(KlineInterval.D1, T0, T0.plus(Duration.ofDays(600)), 601),
				CandleRange.covering(entry, entry.plus(Duration.ofDays(600))));
	}

	@Test
	void alignmentFromTheEpoch() {
		Instant t = Instant.parse("2026-09-01T13:47:31.250Z");
		assertEquals(Instant.parse("2026-09-01T13:47:00Z"), KlineInterval.M1.openTimeOf(t));
		assertEquals(Instant.parse("2026-09-01T13:45:00Z"), KlineInterval.M15.openTimeOf(t));
		assertEquals(Instant.parse("2026-09-01T12:00:00Z"), KlineInterval.H4.openTimeOf(t));
		assertEquals(Instant.parse("2026-09-01T08:00:00Z"), KlineInterval.H8.openTimeOf(t));
		assertEquals(Instant.parse("2026-09-01T00:00:00Z"), KlineInterval.D1.openTimeOf(t));
		// before the epoch floors downwards, not towards zero
		assertEquals(Instant.parse("1969-12-31T23:59:00Z"),
				KlineInterval.M1.openTimeOf(Instant.parse("1969-12-31T23:59:59.500Z")));
	}

	@Test
	void codes() {
		assertEquals("1m", KlineInterval.M1.code());
		assertEquals("12h", KlineInterval.H12.code());
		assertEquals(Optional.of(KlineInterval.D1), KlineInterval.ofCode("1d"));
		assertEquals(Optional.empty(), KlineInterval.ofCode("1w"));
	}

	@Test
	void exitBeforeEntryIsRefused() {
		assertThrows(IllegalArgumentException.class, () -> CandleRange.covering(T0.plus(MS), T0));
	}

	@Test
	void containsItsEndsOnly() {
		CandleRange range = CandleRange.covering(T0.plusSeconds(61), T0.plusSeconds(185));
		assertEquals(new CandleRange(KlineInterval.M1, T0.plusSeconds(60), T0.plusSeconds(180), 3), range);
		assertEquals(false, range.contains(T0));
		assertEquals(true, range.contains(T0.plusSeconds(60)));
		assertEquals(true, range.contains(T0.plusSeconds(180)));
		assertEquals(false, range.contains(T0.plusSeconds(240)));
	}
}
