package syncjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
		assertThat(CandleRange.covering(T0, exit))
			.isEqualTo(new CandleRange(KlineInterval.M1, T0, T0.plus(Duration.ofMinutes(498)), 499));
	}

	@Test
	void fiveHundredOneMinuteCandlesTakeThreeMinutes() {
		// exit at 08:19 needs candle 08:19 too: 500. 3m: 0 .. floor(499 / 3) = 166, so 167 from 00:00 to 08:18
		Instant exit = T0.plus(Duration.ofMinutes(499));
		assertThat(CandleRange.covering(T0, exit))
			.isEqualTo(new CandleRange(KlineInterval.M3, T0, T0.plus(Duration.ofMinutes(498)), 167));
	}

	@Test
	void entryJustBeforeACandleBoundaryCountsThatCandle() {
		Instant exit = T0.plus(Duration.ofMinutes(500)).minus(MS); // in candle 08:19
		// from 00:00:59.999: candles 0 .. 499 = 500
		assertThat(CandleRange.covering(T0.plus(Duration.ofMinutes(1)).minus(MS), exit).interval())
			.isEqualTo(KlineInterval.M3);
		// from exactly 00:01: candles 1 .. 499 = 499
		assertThat(CandleRange.covering(T0.plus(Duration.ofMinutes(1)), exit))
			.isEqualTo(new CandleRange(KlineInterval.M1, T0.plus(Duration.ofMinutes(1)), T0.plus(Duration.ofMinutes(499)), 499));
	}

	@Test
	void exitOnACandleBoundaryOpensOneMore() {
		assertThat(KlineInterval.H1.candlesCovering(T0, T0.plus(Duration.ofHours(1)).minus(MS))).isEqualTo(1);
		assertThat(KlineInterval.H1.candlesCovering(T0, T0.plus(Duration.ofHours(1)))).isEqualTo(2);
		// one millisecond across midnight is two 1m candles, and two days
		Instant midnight = T0.plus(Duration.ofDays(1));
		assertThat(CandleRange.covering(midnight.minus(MS), midnight))
			.isEqualTo(new CandleRange(KlineInterval.M1, midnight.minus(Duration.ofMinutes(1)), midnight, 2));
		assertThat(KlineInterval.D1.candlesCovering(midnight.minus(MS), midnight)).isEqualTo(2);
	}

	@Test
	void holdOfZeroIsOneCandle() {
		Instant at = T0.plusMillis(12_345);
		assertThat(CandleRange.covering(at, at)).isEqualTo(new CandleRange(KlineInterval.M1, T0, T0, 1));
	}

	@Test
	void eachIntervalAtItsOwnBoundary() {
		KlineInterval[] intervals = KlineInterval.values();
		for (int i = 0; i < intervals.length; i++) {
			Duration length = intervals[i].length();
			Instant last = T0.plus(length.multipliedBy(499)).minus(MS); // 499 candles of this interval
			assertThat(CandleRange.covering(T0, last).interval()).as(intervals[i].code()).isEqualTo(intervals[i]);
			if (i + 1 < intervals.length) {
				// one millisecond later needs a 500th: the next interval
				assertThat(CandleRange.covering(T0, last.plus(MS)).interval())
					.as(intervals[i].code())
					.isEqualTo(intervals[i + 1]);
			}
		}
	}

	@Test
	void twelveHoursToOneDay() {
		// 12h: 499 candles hold up to 249.5 days; one more millisecond needs days 0 .. 249 = 250
		Instant exit = T0.plus(Duration.ofHours(12 * 499));
		assertThat(CandleRange.covering(T0, exit))
			.isEqualTo(new CandleRange(KlineInterval.D1, T0, T0.plus(Duration.ofDays(249)), 250));
	}

	@Test
	void longerThanAnyIntervalCoversFallsBackToDays() {
		// 600 days: 601 daily candles, more than one light request, but exact
		Instant entry = T0.plus(Duration.ofHours(13));
		assertThat(CandleRange.covering(entry, entry.plus(Duration.ofDays(600))))
			.isEqualTo(new CandleRange(KlineInterval.D1, T0, T0.plus(Duration.ofDays(600)), 601));
	}

	@Test
	void alignmentFromTheEpoch() {
		Instant t = Instant.parse("2026-09-01T13:47:31.250Z");
		assertThat(KlineInterval.M1.openTimeOf(t)).isEqualTo(Instant.parse("2026-09-01T13:47:00Z"));
		assertThat(KlineInterval.M15.openTimeOf(t)).isEqualTo(Instant.parse("2026-09-01T13:45:00Z"));
		assertThat(KlineInterval.H4.openTimeOf(t)).isEqualTo(Instant.parse("2026-09-01T12:00:00Z"));
		assertThat(KlineInterval.H8.openTimeOf(t)).isEqualTo(Instant.parse("2026-09-01T08:00:00Z"));
		assertThat(KlineInterval.D1.openTimeOf(t)).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
		// before the epoch floors downwards, not towards zero
		assertThat(KlineInterval.M1.openTimeOf(Instant.parse("1969-12-31T23:59:59.500Z")))
			.isEqualTo(Instant.parse("1969-12-31T23:59:00Z"));
	}

	@Test
	void codes() {
		assertThat(KlineInterval.M1.code()).isEqualTo("1m");
		assertThat(KlineInterval.H12.code()).isEqualTo("12h");
		assertThat(KlineInterval.ofCode("1d")).isEqualTo(Optional.of(KlineInterval.D1));
		assertThat(KlineInterval.ofCode("1w")).isEqualTo(Optional.empty());
	}

	@Test
	void exitBeforeEntryIsRefused() {
		assertThatThrownBy(() -> CandleRange.covering(T0.plus(MS), T0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void containsItsEndsOnly() {
		CandleRange range = CandleRange.covering(T0.plusSeconds(61), T0.plusSeconds(185));
		assertThat(range).isEqualTo(new CandleRange(KlineInterval.M1, T0.plusSeconds(60), T0.plusSeconds(180), 3));
		assertThat(range.contains(T0)).isEqualTo(false);
		assertThat(range.contains(T0.plusSeconds(60))).isEqualTo(true);
		assertThat(range.contains(T0.plusSeconds(180))).isEqualTo(true);
		assertThat(range.contains(T0.plusSeconds(240))).isEqualTo(false);
	}
}
