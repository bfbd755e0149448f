package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import syncjob.lifecycle.Candle;
import syncjob.lifecycle.KlineInterval;

class CandlesToKeepTest {

	private static final Instant DAY = Instant.parse("2026-06-01T00:00:00Z");

	private final MemoryCandles cache = new MemoryCandles();

	private final CandlesToKeep toKeep = new CandlesToKeep(cache);

	@Test
	void nothingIsSavedUntilAskedAndThenEachCandleOnceInOpenTimeOrder() {
		toKeep.add("BTCUSDT", KlineInterval.M1, candles(100, 10));
		toKeep.add("BTCUSDT", KlineInterval.M1, candles(0, 10));
		toKeep.add("BTCUSDT", KlineInterval.M1, candles(5, 10));
		toKeep.add("BTCUSDT", KlineInterval.M1, List.of());

		assertThat(cache.saves()).isZero();

		toKeep.saveAll();

		assertThat(cache.saves()).isEqualTo(1);
		assertThat(cache.saved()).extracting(Candle::openTime)
			.containsExactlyElementsOf(IntStream.concat(IntStream.range(0, 15), IntStream.range(100, 110))
				.mapToObj(CandlesToKeepTest::minute)
				.toList());
	}

	@Test
	void eachSymbolAndIntervalIsSavedApartAndOnlyOnce() {
		toKeep.add("BTCUSDT", KlineInterval.M1, candles(0, 3));
		toKeep.add("BTCUSDT", KlineInterval.M5, candles(0, 4));
		toKeep.add("ETHUSDT", KlineInterval.M1, candles(0, 5));

		toKeep.saveAll();
		toKeep.saveAll();

		assertThat(cache.saves()).isEqualTo(3);
		assertThat(cache.load("BTCUSDT", KlineInterval.M1, minute(0), minute(100))).hasSize(3);
		assertThat(cache.load("BTCUSDT", KlineInterval.M5, minute(0), minute(100))).hasSize(4);
		assertThat(cache.load("ETHUSDT", KlineInterval.M1, minute(0), minute(100))).hasSize(5);
	}

	@Test
	void aSymbolHoldingEnoughCandlesIsSavedAtOnce() {
		int page = 1_000;
		for (int first = 0; first < CandlesToKeep.SAVE_AT - page; first += page) {
			toKeep.add("BTCUSDT", KlineInterval.M1, candles(first, page));
		}
		toKeep.add("ETHUSDT", KlineInterval.M1, candles(0, 1));
		assertThat(cache.saves()).isZero();

		toKeep.add("BTCUSDT", KlineInterval.M1, candles(CandlesToKeep.SAVE_AT - page, page));

		assertThat(cache.saves()).isEqualTo(1);
		assertThat(cache.saved()).hasSize(CandlesToKeep.SAVE_AT);

		toKeep.add("BTCUSDT", KlineInterval.M1, candles(CandlesToKeep.SAVE_AT, 2));
		toKeep.saveAll();

		assertThat(cache.saves()).isEqualTo(3);
		assertThat(cache.saved()).hasSize(CandlesToKeep.SAVE_AT + 2 + 1);
	}

	private static List<Candle> candles(int firstMinute, int count) {
		List<Candle> candles = new ArrayList<>();
		for (int i = firstMinute; i < firstMinute + count; i++) {
			BigDecimal price = BigDecimal.valueOf(100 + i);
			candles.add(new Candle(minute(i), price, price, price, price));
		}
		return candles;
	}

	private static Instant minute(int i) {
		return DAY.plusSeconds(60L * i);
	}

}
