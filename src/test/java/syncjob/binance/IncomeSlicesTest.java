package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import syncjob.lifecycle.IncomeRecord;

class IncomeSlicesTest {

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void boundsTileTheSpanWithoutGapOverlapOrEmptySlice(long seed) {
		Random random = new Random(seed);
		for (int round = 0; round < 1000; round++) {
			long start = random.nextLong(1_000_000_000_000L);
			long end = start + random.nextInt(random.nextBoolean() ? 20 : 1_000_000_000);
			int slices = 1 + random.nextInt(IncomeSlices.MAX);

			long[] bounds = IncomeSlices.bounds(start, end, slices);

			assertThat(bounds[0]).as("seed %d round %d", seed, round).isEqualTo(start);
			assertThat(bounds[bounds.length - 1]).as("seed %d round %d", seed, round).isEqualTo(end + 1);
			assertThat(bounds.length - 1).as("seed %d round %d", seed, round)
				.isEqualTo((int) Math.min(slices, end - start + 1));
			for (int i = 0; i + 1 < bounds.length; i++) {
				assertThat(bounds[i + 1]).as("seed %d round %d", seed, round).isGreaterThan(bounds[i]);
			}
		}
	}

	@Test
	void aPageThatIsNotFullOrCoversHalfTheSpanIsNotSliced() {
		long start = 0;
		long end = 99_999;
		assertThat(IncomeSlices.count(page(999, start, 10), start, end)).isEqualTo(1);
		// the full page reaches 50 949: the rest is shorter than what it covered
		assertThat(IncomeSlices.count(page(1000, start, 51), start, end)).isEqualTo(1);
	}

	@Test
	void aDensePageGivesAsManySlicesAsPagesPredictedUpToTheMaximum() {
		long start = 0;
		long end = 99_999;
		// the page covers 0..29 999: 70 000 to go at 30 000 a page is 3 pages
		assertThat(IncomeSlices.count(page(1000, start, 30), start, end)).isEqualTo(3);
		// every record in the first millisecond: as dense as can be
		assertThat(IncomeSlices.count(page(1000, start, 0), start, end)).isEqualTo(IncomeSlices.MAX);
	}

	/** {@code size} records, the i-th at {@code start + i * step} milliseconds. */
	private static List<IncomeRecord> page(int size, long start, long step) {
		List<IncomeRecord> records = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			records.add(new IncomeRecord("BTCUSDT", "FUNDING_FEE", BigDecimal.ONE, "USDT",
					Instant.ofEpochMilli(start + i * step), Integer.toString(i), "", ""));
		}
		return records;
	}

}
