package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;
import syncjob.lifecycle.StreamKey;

class SymbolHistoryPlanTest {

	private static final String BTC = "BTCUSDT";

	private static final StreamKey BTC_BOTH = new StreamKey(BTC, PositionSide.BOTH);

	private static final String TRADES = Endpoint.USER_TRADES.path();

	private final FakeExchange exchange = new FakeExchange();

	private final FakeBinance binance = exchange.binance;

	@AfterEach
	void stop() throws Exception {
		exchange.close();
	}

	@Test
	void eightWeekSpanIsSplitIntoSevenDayWindowsUpToNow() {
		// given fills only in the last week of an 8-week window, and one long before it
		Instant from = exchange.daysAgo(56);
		binance.addFill(BTC, 1, exchange.daysAgo(70), Side.BUY, PositionSide.BOTH, "1");
		binance.addFill(BTC, 2, exchange.daysAgo(69), Side.SELL, PositionSide.BOTH, "1");
		binance.addFill(BTC, 3, exchange.daysAgo(3), Side.BUY, PositionSide.BOTH, "1");
		binance.addFill(BTC, 4, exchange.daysAgo(2), Side.SELL, PositionSide.BOTH, "1");
		BinanceClient client = exchange.client();

		// when
		SymbolHistory history = client.symbolHistory(request(from, Map.of(), List.of()));

		// then eight contiguous windows of at most 7 days tile [from, now), and nothing is concluded from an empty one
		List<FakeBinance.Seen> windows = binance.requests(TRADES);
		assertThat(windows).hasSize(8);
		assertThat(windows.get(0).longParam("startTime")).isEqualTo(from.toEpochMilli());
		assertThat(windows.get(7).longParam("endTime")).isEqualTo(exchange.now().toEpochMilli() - 1);
		for (int i = 0; i < windows.size(); i++) {
			FakeBinance.Seen window = windows.get(i);
			assertThat(window.longParam("endTime") - window.longParam("startTime")).isLessThan(Duration.ofDays(7).toMillis());
			if (i > 0) {
				assertThat(window.longParam("startTime")).isEqualTo(windows.get(i - 1).longParam("endTime") + 1);
			}
		}
		assertThat(history.fills()).extracting(Fill::id).containsExactly(3L, 4L);
		assertThat(history.startPositions()).isEmpty();
		assertThat(history.fundingBeforeFrom()).isEmpty();
		assertThat(history.calls()).isEqualTo(binance.requests(seen -> true).size());
		assertThat(history.weight()).isEqualTo(8 * 5 + 1);
	}

	@Test
	void fromIdPagingGetsMoreThan1000FillsFromTheFirstFillIncomeProves() {
		// given 2500 fills a minute apart; the first has no income (zero commission), the others do
		Instant from = exchange.daysAgo(3);
		List<IncomeRecord> income = new ArrayList<>();
		for (int i = 1; i <= 2500; i++) {
			Instant time = from.plus(Duration.ofMinutes(60 + i));
			binance.addFill(BTC, 1000 + i, time, i % 2 == 1 ? Side.BUY : Side.SELL, PositionSide.BOTH, "1");
			if (i > 1) {
				income.add(binance.addIncome(BTC, IncomeType.COMMISSION, "-0.01", time, Long.toString(1000 + i)));
			}
		}
		BinanceClient client = exchange.client();

		// when
		SymbolHistory history = client.symbolHistory(request(from, Map.of(), income));

		// then one window covers only the gap up to the first income trade, then ids page by 1000
		List<FakeBinance.Seen> calls = binance.requests(TRADES);
		assertThat(history.fills()).hasSize(2500);
		assertThat(history.fills()).extracting(Fill::id).isSorted().doesNotHaveDuplicates().startsWith(1001L);
		assertThat(calls).hasSize(4);
		assertThat(calls.get(0).longParam("endTime")).isEqualTo(income.get(0).time().toEpochMilli());
		assertThat(calls.subList(1, 4)).extracting(seen -> seen.param("fromId")).containsExactly("1003", "2003", "3003");
	}

	@Test
	void fullFirstWindowIsCheckedForEarlierFillsThenPagedById() {
		// given 1500 fills in the first week and no income to seed from
		Instant from = exchange.daysAgo(3);
		for (int i = 1; i <= 1500; i++) {
			binance.addFill(BTC, i, from.plus(Duration.ofMinutes(i)), i % 2 == 1 ? Side.BUY : Side.SELL,
					PositionSide.BOTH, "1");
		}
		BinanceClient client = exchange.client();

		// when
		SymbolHistory history = client.symbolHistory(request(from, Map.of(), List.of()));

		// then
		assertThat(history.fills()).extracting(Fill::id).hasSize(1500).isSorted().doesNotHaveDuplicates();
		assertThat(binance.requests(TRADES)).extracting(seen -> seen.param("fromId"))
			.containsExactly(null, null, "1001");
	}

	@Test
	void lookbackWalksBackToTheLifecycleStartAndFetchesItsFunding() {
		// given a long opened 20 days ago, open at from (10 days ago), closed 5 days ago; a new one open now
		Instant from = exchange.daysAgo(10);
		binance.addFill(BTC, 1, exchange.daysAgo(40), Side.BUY, PositionSide.BOTH, "1");
		binance.addFill(BTC, 2, exchange.daysAgo(38), Side.SELL, PositionSide.BOTH, "1");
		binance.addFill(BTC, 3, exchange.daysAgo(20), Side.BUY, PositionSide.BOTH, "2");
		binance.addFill(BTC, 4, exchange.daysAgo(12), Side.BUY, PositionSide.BOTH, "1");
		binance.addFill(BTC, 5, exchange.daysAgo(5), Side.SELL, PositionSide.BOTH, "3");
		binance.addFill(BTC, 6, exchange.daysAgo(2), Side.BUY, PositionSide.BOTH, "1");
		List<IncomeRecord> funding = fundingEvery8Hours(60);
		List<IncomeRecord> window = List.of(
				binance.addIncome(BTC, IncomeType.COMMISSION, "-0.01", exchange.daysAgo(5), "5"),
				binance.addIncome(BTC, IncomeType.COMMISSION, "-0.01", exchange.daysAgo(2), "6"));
		BinanceClient client = exchange.client();

		// when
		SymbolHistory history = client.symbolHistory(request(from, Map.of(BTC_BOTH, new BigDecimal("1")), window));

		// then
		assertThat(history.fills()).extracting(Fill::id).containsExactly(3L, 4L, 5L, 6L);
		assertThat(history.startPositions()).isEmpty();
		assertThat(history.lookbackIncomplete()).isFalse();
		Instant start = exchange.daysAgo(20);
		assertThat(history.fundingBeforeFrom()).containsExactlyElementsOf(funding.stream()
			.filter(record -> !record.time().isBefore(start) && record.time().isBefore(from))
			.toList());
		assertThat(binance.requests(seen -> seen.path().equals(TRADES) && seen.param("startTime") != null
				&& seen.longParam("startTime") < from.toEpochMilli())).hasSize(2);
	}

	@Test
	void aFirstFillThatRealizesPnlFetchesTheWeekBeforeFromFirstAndPagesOnFromItsLastFill() {
		// given a long open at from (10 days ago) that the window's first fill closes with PnL
		Instant from = exchange.daysAgo(10);
		binance.addFill(BTC, 1, exchange.daysAgo(13), Side.BUY, PositionSide.BOTH, "1");
		binance.addFill(BTC, 2, exchange.daysAgo(8), Side.SELL, PositionSide.BOTH, "1");
		binance.addFill(BTC, 3, exchange.daysAgo(6), Side.BUY, PositionSide.BOTH, "1");
		binance.addFill(BTC, 4, exchange.daysAgo(2), Side.SELL, PositionSide.BOTH, "1");
		List<IncomeRecord> window = List.of(
				binance.addIncome(BTC, IncomeType.REALIZED_PNL, "5", exchange.daysAgo(8), "2"),
				binance.addIncome(BTC, IncomeType.COMMISSION, "-0.01", exchange.daysAgo(8), "2"),
				binance.addIncome(BTC, IncomeType.COMMISSION, "-0.01", exchange.daysAgo(6), "3"),
				binance.addIncome(BTC, IncomeType.COMMISSION, "-0.01", exchange.daysAgo(2), "4"));
		BinanceClient client = exchange.client();

		// when
		SymbolHistory history = client.symbolHistory(request(from, Map.of(), window));

		// then the week before from, needed by the lookback anyway, is the first call, and the
		// fills since from are one fromId page after its last fill: two calls where three were spent
		assertThat(history.fills()).extracting(Fill::id).containsExactly(1L, 2L, 3L, 4L);
		assertThat(history.startPositions()).isEmpty();
		List<FakeBinance.Seen> calls = binance.requests(TRADES);
		assertThat(calls).hasSize(2);
		assertThat(calls.get(0).longParam("endTime")).isEqualTo(from.toEpochMilli() - 1);
		assertThat(calls.get(1).longParam("fromId")).isEqualTo(2L);
	}

	@Test
	void aWrongGuessThatAPositionWasOpenAtFromStillGetsEveryFillSinceFrom() {
		// given nothing open at from; the first fill since from has no commission, so income
		// names only the second one, which realized PnL
		Instant from = exchange.daysAgo(10);
		binance.addFill(BTC, 1, exchange.daysAgo(12), Side.BUY, PositionSide.BOTH, "1");
		binance.addFill(BTC, 2, exchange.daysAgo(11), Side.SELL, PositionSide.BOTH, "1");
		binance.addFill(BTC, 3, exchange.daysAgo(9), Side.BUY, PositionSide.BOTH, "1");
		binance.addFill(BTC, 4, exchange.daysAgo(8), Side.SELL, PositionSide.BOTH, "1");
		List<IncomeRecord> window = List.of(
				binance.addIncome(BTC, IncomeType.REALIZED_PNL, "5", exchange.daysAgo(8), "4"),
				binance.addIncome(BTC, IncomeType.COMMISSION, "-0.01", exchange.daysAgo(8), "4"));
		BinanceClient client = exchange.client();

		// when
		SymbolHistory history = client.symbolHistory(request(from, Map.of(), window));

		// then the fill without income is there, and nothing before from is
		assertThat(history.fills()).extracting(Fill::id).containsExactly(3L, 4L);
		assertThat(history.startPositions()).isEmpty();
		assertThat(history.lookbackIncomplete()).isFalse();
	}

	@Test
	void lookbackStartingWithAFlipReportsThePositionBeforeIt() {
		// given a short of 1 flipped to a long of 2 twelve days ago, closed three days ago
		Instant from = exchange.daysAgo(10);
		binance.addFill(BTC, 1, exchange.daysAgo(15), Side.SELL, PositionSide.BOTH, "1");
		binance.addFill(BTC, 2, exchange.daysAgo(12), Side.BUY, PositionSide.BOTH, "3");
		binance.addFill(BTC, 3, exchange.daysAgo(3), Side.SELL, PositionSide.BOTH, "2");
		BinanceClient client = exchange.client();

		// when
		SymbolHistory history = client.symbolHistory(request(from, Map.of(), List.of()));

		// then
		assertThat(history.fills()).extracting(Fill::id).containsExactly(2L, 3L);
		assertThat(history.startPositions()).containsExactly(Map.entry(BTC_BOTH, new BigDecimal("-1")));
		assertThat(history.lookbackIncomplete()).isFalse();
	}

	@Test
	void lookbackKeepsTheOtherStreamsFillsSinceTheEarliestOpenStart() {
		// given hedge mode: LONG open at from since 19 days ago; SHORT flat at from, opened 21 days
		// ago and closed 14 days ago, so it shared the LONG's funding until then
		Instant from = exchange.daysAgo(10);
		binance.addFill(BTC, 1, exchange.daysAgo(21), Side.SELL, PositionSide.SHORT, "1");
		binance.addFill(BTC, 2, exchange.daysAgo(19), Side.BUY, PositionSide.LONG, "1");
		binance.addFill(BTC, 3, exchange.daysAgo(16), Side.SELL, PositionSide.SHORT, "1");
		binance.addFill(BTC, 4, exchange.daysAgo(14), Side.BUY, PositionSide.SHORT, "2");
		binance.addFill(BTC, 5, exchange.daysAgo(4), Side.SELL, PositionSide.LONG, "1");
		BinanceClient client = exchange.client();

		// when
		SymbolHistory history = client.symbolHistory(request(from, Map.of(), List.of()));

		// then every fill since the LONG's start, and the SHORT's position before its first one
		assertThat(history.fills()).extracting(Fill::id).containsExactly(2L, 3L, 4L, 5L);
		assertThat(history.startPositions())
			.containsExactly(Map.entry(new StreamKey(BTC, PositionSide.SHORT), new BigDecimal("-1")));
		assertThat(history.lookbackIncomplete()).isFalse();
	}

	@Test
	void lookbackHittingTradeRetentionIsIncompleteWithTheRemainingPosition() {
		// given a long opened 45 days ago, beyond 30 days of trade retention
		Instant from = exchange.daysAgo(10);
		binance.tradeRetentionDays(30);
		binance.addFill(BTC, 1, exchange.daysAgo(45), Side.BUY, PositionSide.BOTH, "2");
		binance.addFill(BTC, 2, exchange.daysAgo(25), Side.BUY, PositionSide.BOTH, "1");
		binance.addFill(BTC, 3, exchange.daysAgo(3), Side.SELL, PositionSide.BOTH, "1");
		List<IncomeRecord> funding = fundingEvery8Hours(120);
		BinanceClient client = exchange.client(settings -> new BinanceSettings(settings.baseUrl(), settings.apiKey(),
				settings.apiSecret(), null, null, null, 5, null, 30, null));

		// when
		SymbolHistory history = client.symbolHistory(request(from, Map.of(BTC_BOTH, new BigDecimal("2")), List.of()));

		// then trades stop at now - 30 days; funding goes back as far as income is served (90 days)
		assertThat(history.lookbackIncomplete()).isTrue();
		assertThat(history.fills()).extracting(Fill::id).containsExactly(2L, 3L);
		assertThat(history.startPositions()).containsExactly(Map.entry(BTC_BOTH, new BigDecimal("2")));
		Instant incomeBound = exchange.daysAgo(90);
		assertThat(history.fundingBeforeFrom()).containsExactlyElementsOf(funding.stream()
			.filter(record -> !record.time().isBefore(incomeBound) && record.time().isBefore(from))
			.toList());
		assertThat(binance.requests(TRADES)).allSatisfy(seen -> {
			if (seen.param("startTime") != null) {
				assertThat(seen.longParam("startTime")).isGreaterThanOrEqualTo(exchange.daysAgo(30).toEpochMilli());
			}
		});
	}

	@Test
	void ordersReferencedByFillsArePagedFromTheSmallestId() {
		// given 2991 orders of which three are filled
		Instant from = exchange.daysAgo(3);
		for (long orderId = 10; orderId <= 3000; orderId++) {
			binance.addOrder(BTC, orderId, exchange.daysAgo(4), orderId == 1500 ? "MARKET" : "LIMIT");
		}
		binance.addFill(BTC, 1, 10, exchange.daysAgo(2), Side.BUY, PositionSide.BOTH, "1");
		binance.addFill(BTC, 2, 1500, exchange.daysAgo(1), Side.SELL, PositionSide.BOTH, "2");
		binance.addFill(BTC, 3, 2990, exchange.daysAgo(1).plusSeconds(5), Side.BUY, PositionSide.BOTH, "1");
		BinanceClient client = exchange.client();

		// when
		SymbolHistory history = client.symbolHistory(new SymbolRequest(BTC, from, exchange.now(), exchange.now(),
				Map.of(), List.of(), true));

		// then
		assertThat(history.ordersById()).containsOnlyKeys(10L, 1500L, 2990L);
		assertThat(history.ordersById().get(1500L).type()).isEqualTo("MARKET");
		assertThat(binance.requests(Endpoint.ALL_ORDERS.path())).extracting(seen -> seen.param("orderId"))
			.containsExactly("10", "1500", "2990");
	}

	@Test
	void fillsAfterToOnlyFeedThePositionMaths() {
		// given a long opened before from and closed after to
		Instant from = exchange.daysAgo(10);
		Instant to = exchange.daysAgo(5);
		binance.addFill(BTC, 1, exchange.daysAgo(12), Side.BUY, PositionSide.BOTH, "1");
		binance.addFill(BTC, 2, exchange.daysAgo(7), Side.BUY, PositionSide.BOTH, "1");
		binance.addFill(BTC, 3, exchange.daysAgo(1), Side.SELL, PositionSide.BOTH, "2");
		BinanceClient client = exchange.client();

		// when
		SymbolHistory history = client.symbolHistory(new SymbolRequest(BTC, from, to, exchange.now(), Map.of(),
				List.of(), false));

		// then
		assertThat(history.fills()).extracting(Fill::id).containsExactly(1L, 2L);
		assertThat(history.startPositions()).isEmpty();
	}

	private List<IncomeRecord> fundingEvery8Hours(int days) {
		List<IncomeRecord> funding = new ArrayList<>();
		for (Instant time = exchange.daysAgo(days); time.isBefore(exchange.now()); time = time.plus(Duration.ofHours(8))) {
			funding.add(binance.addIncome(BTC, IncomeType.FUNDING_FEE, "-0.05", time, ""));
		}
		return funding;
	}

	private SymbolRequest request(Instant from, Map<StreamKey, BigDecimal> positions, List<IncomeRecord> income) {
		return new SymbolRequest(BTC, from, exchange.now(), exchange.now(), positions, income, false);
	}
}
