package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import syncjob.lifecycle.Candle;

class ServedCandlesTest {

	private static final Instant DAY = Instant.parse("2026-06-01T00:00:00Z");

	/**
	 * The extremes are the candles a min and a max by low and high pick (the first of equals),
	 * lowest first, one candle when it is both: prices drawn from a few values, so that ties and
	 * one candle holding both extremes are common.
	 */
	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void theExtremesAreTheFirstLowestLowAndTheFirstHighestHigh(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < 2000; n++) {
			List<Candle> candles = new ArrayList<>();
			for (int i = 0; i < random.nextInt(8); i++) {
				BigDecimal low = BigDecimal.valueOf(random.nextInt(4), random.nextInt(2));
				BigDecimal high = low.add(BigDecimal.valueOf(random.nextInt(3)));
				candles.add(new Candle(DAY.plusSeconds(60L * i), low, high, low, high));
			}

			assertThat(ServedCandles.extremesOf(candles)).as("seed %d: %s", seed, candles).isEqualTo(expected(candles));
		}
	}

	/** What a min and a max over a stream give. */
	private static List<Candle> expected(List<Candle> candles) {
		Optional<Candle> lowest = candles.stream().min(Comparator.comparing(Candle::low));
		Optional<Candle> highest = candles.stream().max(Comparator.comparing(Candle::high));
		return Stream.of(lowest, highest).flatMap(Optional::stream).distinct().toList();
	}

}
