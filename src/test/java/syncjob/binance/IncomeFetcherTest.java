package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

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
		// every record within 80 s of a day-long span: the first page makes the span look dense, so
		// the rest is cut into slices, each costing a page even when it turns out empty
		assertThat(exchange.requests(INCOME)).hasSizeBetween(3, 3 + IncomeSlices.MAX);
		assertThat(history.weight()).isEqualTo(exchange.requests(INCOME).size() * 30 + 1);
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 7, 99, 20261130 })
	void aDenseSpanIsPagedInSlicesWithTheSameRecordsAsPagedInOne(long seed) {
		// given 4000 records spread over a day, 2500 more crowded into one slice, and records on
		// every slice bound, one millisecond before it, and at the millisecond the first page ends
		Random random = new Random(seed);
		Instant from = daysAgo(2);
		Instant to = daysAgo(1);
		long span = Duration.between(from, to).toMillis();
		List<IncomeRecord> expected = new ArrayList<>();
		String[] types = { IncomeType.REALIZED_PNL, IncomeType.COMMISSION, IncomeType.FUNDING_FEE };
		for (int i = 0; i < 4000; i++) {
			Instant time = from.plusMillis((random.nextLong(span) / 50) * 50);
			expected.add(account.income("BTCUSDT", types[random.nextInt(types.length)], "0.5", time, ""));
		}
		List<Instant> sorted = expected.stream().map(IncomeRecord::time).sorted().toList();
		long firstPageEnds = sorted.get(999).toEpochMilli();
		long end = to.toEpochMilli() - 1;
		int slices = IncomeSlices.count(sortedRecords(expected), from.toEpochMilli(), end);
		long[] bounds = IncomeSlices.bounds(firstPageEnds, end, slices);
		for (int i = 0; i < 3; i++) {
			expected.add(account.income("ETHUSDT", IncomeType.COMMISSION, "-1", Instant.ofEpochMilli(firstPageEnds), ""));
		}
		for (long bound : bounds) {
			for (long millis : new long[] { bound - 1, bound }) {
				if (millis > firstPageEnds && millis <= end) {
					expected.add(account.income("ETHUSDT", IncomeType.COMMISSION, "-1", Instant.ofEpochMilli(millis), ""));
				}
			}
		}
		long crowded = bounds[2] + (bounds[3] - bounds[2]) / 2;
		for (int i = 0; i < 2500; i++) {
			expected.add(account.income("XRPUSDT", IncomeType.FUNDING_FEE, "0.1", Instant.ofEpochMilli(crowded + i % 700), ""));
		}
		account.income("BTCUSDT", IncomeType.COMMISSION, "-1", to, "");
		BinanceClient client = serve();

		// when
		IncomeHistory history = client.income(from, to);

		// then every record once, in time order, from slices that tile the rest of the span
		assertThat(slices).as("seed %d", seed).isBetween(3, IncomeSlices.MAX);
		assertThat(history.records()).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(history.records()).extracting(IncomeRecord::time).isSorted();
		for (int i = 0; i < slices; i++) {
			String sliceStart = Long.toString(bounds[i]);
			String sliceEnd = Long.toString(bounds[i + 1] - 1);
			assertThat(exchange.requests(INCOME)).as("seed %d, slice %d", seed, i)
				.anySatisfy((seen) -> assertThat(List.of(seen.params().get("startTime"), seen.params().get("endTime")))
					.containsExactly(sliceStart, sliceEnd));
		}
		// the crowded slice needs at least 3 pages; every slice at least one
		int sequentialPages = (expected.size() + 999) / 1000;
		assertThat(exchange.requests(INCOME)).as("seed %d", seed)
			.hasSizeBetween(sequentialPages, sequentialPages + 2 * slices);
		assertThat(history.weight()).isEqualTo(exchange.requests(INCOME).size() * 30 + 1);
	}

	@Test
	void aSpanTheFirstPageCoversMostOfIsPagedInOne() {
		// given 1800 records over a day, 1000 of them in its first 14 hours
		Instant from = daysAgo(2);
		List<IncomeRecord> expected = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			expected.add(account.income("BTCUSDT", IncomeType.FUNDING_FEE, "0.1", from.plusSeconds(i * 50L), ""));
		}
		for (int i = 0; i < 800; i++) {
			expected.add(account.income("BTCUSDT", IncomeType.FUNDING_FEE, "0.1", from.plusSeconds(50_000 + i * 40L), ""));
		}
		BinanceClient client = serve();

		// when
		IncomeHistory history = client.income(from, daysAgo(1));

		// then no speculative slice: the second page goes on from the first
		assertThat(history.records()).containsExactlyElementsOf(expected);
		assertThat(exchange.requests(INCOME)).hasSize(2);
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
		String millis = Long.toString(crowded.toEpochMilli());
		assertThat(exchange.requests(INCOME)).filteredOn(seen -> seen.params().get("page") != null)
			.extracting(seen -> List.of(seen.params().get("page"), seen.params().get("startTime"), seen.params().get("endTime")))
			.containsExactly(List.of("2", millis, millis), List.of("3", millis, millis));
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
		assertThat(pages).hasSizeGreaterThan(1).allSatisfy(page -> {
			assertThat(page).hasSizeLessThanOrEqualTo(1000);
			assertThat(page).extracting(IncomeRecord::time).isSorted();
		});
		List<IncomeRecord> streamed = pages.stream().flatMap(List::stream).toList();
		assertThat(streamed).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(cost.records()).isEmpty();
		assertThat(cost.weight()).isEqualTo(exchange.requests(INCOME).size() * 30 + 1);
	}

	@Test
	void slicesHandTheirPagesToTheSinkOneAtATime() {
		// given 6000 records evenly over a day: eight slices at once
		Instant from = daysAgo(2);
		List<IncomeRecord> expected = new ArrayList<>();
		for (int i = 0; i < 6000; i++) {
			expected.add(account.income("BTCUSDT", IncomeType.FUNDING_FEE, "0.1", from.plusMillis(i * 14_000L), ""));
		}
		BinanceClient client = serve();
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		List<IncomeRecord> streamed = new ArrayList<>();

		// when
		client.income(from, daysAgo(1), (page) -> {
			mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
			streamed.addAll(page);
			inside.decrementAndGet();
		});

		// then
		assertThat(mostAtOnce.get()).isEqualTo(1);
		assertThat(streamed).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(exchange.requests(INCOME)).hasSizeGreaterThan(6);
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

	/** The first 1000 records as the exchange serves them: by time, then as added. */
	private static List<IncomeRecord> sortedRecords(List<IncomeRecord> records) {
		return records.stream().sorted(Comparator.comparing(IncomeRecord::time)).limit(1000).toList();
	}
}
