package syncjob.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import syncjob.journal.KlinesCacheStore.CandleText;
import syncjob.lifecycle.Candle;

/** The klines cache's text: what is written reads back the same, and only the candles asked for. */
class CandleTextTest {

	private static final Instant DAY = Instant.parse("2026-06-01T00:00:00Z");

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void aPageReadsBackAsWrittenValueAndScaleAndOnlyTheWantedCandles(long seed) {
		Random random = new Random(seed);
		List<Candle> page = new ArrayList<>();
		for (int i = 0; i < 1 + random.nextInt(1000); i++) {
			page.add(new Candle(DAY.plusSeconds(60L * i), price(random), price(random), price(random), price(random)));
		}
		Set<Instant> wanted = new HashSet<>();
		page.forEach((candle) -> {
			if (random.nextInt(10) == 0) {
				wanted.add(candle.openTime());
			}
		});
		String text = CandleText.write(page);

		List<Candle> all = CandleText.read(text, (open) -> true);
		List<Candle> some = CandleText.read(text, wanted::contains);

		assertThat(all).as("seed %d", seed).isEqualTo(page);
		for (int i = 0; i < page.size(); i++) {
			Candle candle = all.get(i);
			assertThat(List.of(candle.open().scale(), candle.high().scale(), candle.low().scale(),
					candle.close().scale()))
				.as("seed %d: candle %d", seed, i)
				.isEqualTo(List.of(page.get(i).open().scale(), page.get(i).high().scale(), page.get(i).low().scale(),
						page.get(i).close().scale()));
		}
		assertThat(some).as("seed %d", seed)
			.isEqualTo(page.stream().filter((candle) -> wanted.contains(candle.openTime())).toList());
	}

	@Test
	void aLineOfOtherThanFiveFieldsIsMalformedWantedOrNot() {
		String good = DAY.toEpochMilli() + " 1 2 0.5 1.5\n";
		for (String bad : List.of("1780272000000 1 2 0.5", "1780272000000 1 2 0.5 1.5 7", "1780272000000 1 2 0.5 1.5 ",
				"1780272000000")) {
			assertThatThrownBy(() -> CandleText.read(good + bad, (open) -> false)).as(bad)
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("klines_cache holds a malformed candle: " + bad);
		}
		assertThatThrownBy(() -> CandleText.read(DAY.toEpochMilli() + " 1 2  1.5", (open) -> true))
			.isInstanceOf(NumberFormatException.class);
		assertThatThrownBy(() -> CandleText.read("17x0272000000 1 2 0.5 1.5", (open) -> true))
			.isInstanceOf(NumberFormatException.class);
		assertThat(CandleText.read(good, (open) -> true)).singleElement()
			.isEqualTo(new Candle(DAY, new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("0.5"),
					new BigDecimal("1.5")));
	}

	/** Prices of every size and of the scales a served text has (0 and up), trailing zeros kept. */
	private static BigDecimal price(Random random) {
		long unscaled = switch (random.nextInt(3)) {
			case 0 -> random.nextInt(1000);
			case 1 -> Math.abs(random.nextLong() % 1_000_000_000_000L);
			default -> Math.abs(random.nextLong());
		};
		return BigDecimal.valueOf(unscaled, random.nextInt(12));
	}

}
