package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;

class IncomeFetcherTest {

	private static final String INCOME = Endpoint.INCOME.path();

	/** The exchange's time when it starts serving; the records are placed before it. */
	private static final Instant NOW = SimulatedBinance.START;

	private final TestAccount account = new TestAccount();

	private SimulatedBinance exchange;

	@AfterEach
	void stop() throws Exception {
		if (exchange != null) {
			exchange.close();
		}
	}

	private static Instant daysAgo(long days) {
		return NOW.minus(Duration.ofDays(days));
	}

	private BinanceClient serve() {
		exchange = SimulatedBinance.serving(account);
		return exchange.client();
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 42, 20260601 })
	void moreThan1000RecordsInOneSpanArriveOnceEach(long seed) {
		// given 2500 records at random times, many sharing a millisecond, plus records just outside the span
		Random random = new Random(seed);
		Instant from = daysAgo(2);
		Instant to = daysAgo(1);
		List<IncomeRecord> expected = new ArrayList<>();
		String[] types = { IncomeType.REALIZED_PNL, IncomeType.COMMISSION, IncomeType.FUNDING_FEE, "STRATEGY_UMFUTURES_TRANSFER" };
		for (int i = 0; i < 2500; i++) {
			Instant time = from.plusMillis(random.nextInt(400) * 200L);
			expected.add(account.income("BTCUSDT", types[random.nextInt(types.length)], "0.5", time, ""));
		}
		account.income("BTCUSDT", IncomeType.COMMISSION, "-1", from.minusMillis(1), "");
		account.income("BTCUSDT", IncomeType.COMMISSION, "-1", to, "");
		BinanceClient client = serve();

		// when
		IncomeHistory history = client.income(from, to);

		// then
		assertThat(history.records()).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(history.records()).extracting(IncomeRecord::time).isSorted();
		assertThat(history.calls()).as("seed %d", seed).isEqualTo(exchange.requests(INCOME).size() + 1);
		assertThat(exchange.requests(INCOME)).hasSizeBetween(3, 4);
		assertThat(history.weight()).isEqualTo(exchange.requests(INCOME).size() * 30 + 1);
	}

	@Test
	void moreThan1000RecordsInOneMillisecondArePagedByPageNumber() {
		// given 2300 records in one millisecond and 10 after it
		Instant from = daysAgo(2);
		Instant crowded = from.plus(Duration.ofHours(3));
		List<IncomeRecord> expected = new ArrayList<>();
		for (int i = 0; i < 2300; i++) {
			expected.add(account.income("ETHUSDT", IncomeType.FUNDING_FEE, "-0.1", crowded, ""));
		}
		for (int i = 1; i <= 10; i++) {
			expected.add(account.income("ETHUSDT", IncomeType.COMMISSION, "-0.1", crowded.plusSeconds(i), "7" + i));
		}
		BinanceClient client = serve();

		// when
		IncomeHistory history = client.income(from, NOW);

		// then
		assertThat(history.records()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(exchange.requests(INCOME)).extracting(entry -> entry.params().get("page")).containsExactly(null, null, "2", "3", null);
	}

	@Test
	void streamedIncomeArrivesPageByPageWithEveryRecordOnce() {
		// given 2500 records, 600 of them sharing the millisecond where the first page ends
		Instant from = daysAgo(2);
		List<IncomeRecord> expected = new ArrayList<>();
		for (int i = 0; i < 900; i++) {
			expected.add(account.income("BTCUSDT", IncomeType.COMMISSION, "-0.1", from.plusSeconds(i), ""));
		}
		Instant shared = from.plus(Duration.ofHours(1));
		for (int i = 0; i < 600; i++) {
			expected.add(account.income("BTCUSDT", IncomeType.REALIZED_PNL, "1", shared, ""));
		}
		for (int i = 0; i < 1000; i++) {
			expected.add(account.income("ETHUSDT", IncomeType.FUNDING_FEE, "0.2", shared.plusSeconds(1 + i), ""));
		}
		BinanceClient client = serve();

		// when
		List<List<IncomeRecord>> pages = new ArrayList<>();
		IncomeHistory cost = client.income(from, NOW, pages::add);

		// then
		assertThat(pages).hasSizeGreaterThan(1).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(1000));
		List<IncomeRecord> streamed = pages.stream().flatMap(List::stream).toList();
		assertThat(streamed).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(streamed).extracting(IncomeRecord::time).isSorted();
		assertThat(cost.records()).isEmpty();
		assertThat(cost.weight()).isEqualTo(exchange.requests(INCOME).size() * 30 + 1);
	}

	@Test
	void tranIdKeepsItsExactDigitsAndTradeIdIsText() {
		// given
		Instant time = daysAgo(1);
		IncomeRecord record = account.income("BTCUSDT", IncomeType.REALIZED_PNL, "12.345678901234", time, "987654321");
		BinanceClient client = serve();

		// when
		IncomeHistory history = client.income(daysAgo(2), NOW);

		// then
		assertThat(history.records()).singleElement().satisfies(read -> {
			assertThat(read.tranId()).isEqualTo(record.tranId()).startsWith("8000000000000000");
			assertThat(read.tradeId()).isEqualTo("987654321");
			assertThat(read.income()).isEqualByComparingTo("12.345678901234");
		});
	}
}
