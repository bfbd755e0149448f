package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.simulator.ExchangeAccountFixture.NOW;
import static syncjob.simulator.ExchangeAccountFixture.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import syncjob.lifecycle.IncomeType;

/** {@code --stats}: counts of what is served, and the two minimal plans of a window, worked by hand. */
class AccountStatsTest {

	private static final Instant FROM = NOW.minus(Duration.ofDays(30));

	private static final Duration DAY = Duration.ofDays(1);

	@Test
	void windowsShorterThanSevenDaysAreFewestGreedilyFromTheFirstTime() {
		Instant t = NOW.minus(Duration.ofDays(40));
		List<Instant> times = List.of(t, t.plus(Duration.ofDays(7)).minusMillis(1), t.plus(Duration.ofDays(7)),
				t.plus(Duration.ofDays(20)));

		assertThat(AccountStats.windows(times)).containsExactly(2L, 1L, 1L);
		assertThat(AccountStats.windows(List.of())).isEmpty();
	}

	@Test
	void aWindowOfMoreThanAThousandRecordsTakesOneCallPerThousand() {
		List<Instant> times = Collections.nCopies(2_500, NOW.minus(DAY));

		assertThat(AccountStats.windowCalls(times)).isEqualTo(3);
		assertThat(AccountStats.pages(0)).isEqualTo(1);
		assertThat(AccountStats.pages(1_001)).isEqualTo(2);
	}

	@Test
	void ordersAreCountedAsTheExchangeServesThem() {
		SimulatedAccount account = account().fill("BTCUSDT", 1, NOW.minus(Duration.ofDays(91)))
			.fill("BTCUSDT", 2, NOW.minus(Duration.ofDays(89)))
			.order("BTCUSDT", 5000, NOW.minus(Duration.ofDays(4)), "LIMIT", "CANCELED", "0")
			.order("BTCUSDT", 5001, NOW.minus(Duration.ofDays(2)), "LIMIT", "CANCELED", "0")
			.build();
		SimulatorOptions options = SimulatorOptions.builder().clock(MutableClock.at(NOW)).build();

		Map<String, Object> stats = AccountStats.of(account, options, 0);
		JsonNode served;
		try (SimulatedExchange exchange = SimulatedExchange.start(account, options)) {
			served = new ExchangeTestClient(exchange, MutableClock.at(NOW))
				.signed("/fapi/v1/allOrders", "symbol=BTCUSDT&orderId=1").json();
		}

		assertThat(served.findValuesAsText("orderId")).containsExactly("1002", "5001");
		assertThat(symbol(stats, "BTCUSDT")).containsEntry("fills", 2L).containsEntry("orders", 2L);
		assertThat(stats).doesNotContainKey("window");
	}

	/**
	 * BTCUSDT buys at from - 10 d (opening the position the window starts with), from + 1 d,
	 * from + 2 d and from + 10 d, each with its own order; one income record in the window.
	 * Id paging: 5 * pages(3 fills) + 5 * pages(4 orders) + 5 * max(2 lookback windows, 1 page)
	 * + 30 (funding before from, served) = 50. Time windows: fills and orders at the same four
	 * times take three windows each ([from-10d], [from+1d, from+2d], [from+10d]): 5 * 3 +
	 * min(5 * 3, 1 * 4 Query Order calls) + 30 = 49. Both add 30 * 1 income page + 5 positions.
	 */
	@Test
	void theTwoMinimalPlansOfAWindow() {
		SimulatedAccount account = account().fill("BTCUSDT", 1, FROM.minus(Duration.ofDays(10)))
			.fill("BTCUSDT", 2, FROM.plus(DAY))
			.fill("BTCUSDT", 3, FROM.plus(DAY.multipliedBy(2)))
			.fill("BTCUSDT", 4, FROM.plus(DAY.multipliedBy(10)))
			.income("BTCUSDT", IncomeType.REALIZED_PNL, "1.5", FROM.plus(DAY), 77)
			.build();

		@SuppressWarnings("unchecked")
		Map<String, Object> window = (Map<String, Object>) AccountStats.of(account, SimulatorOptions.defaults(), 30)
			.get("window");

		assertThat(window).containsEntry("from", FROM.toString()).containsEntry("incomeRecords", 1L)
			.containsEntry("idPagingWeight", 85L).containsEntry("timeWindowWeight", 84L);
		assertThat(symbol(window, "BTCUSDT")).containsEntry("fillsSinceFrom", 3L)
			.containsEntry("lookbackFills", 1L)
			.containsEntry("lookbackWindows", 2L)
			.containsEntry("openAtFrom", true)
			.containsEntry("fundingBeforeFrom", true)
			.containsEntry("orders", 4L)
			.containsEntry("fillWindows", 3)
			.containsEntry("fillWindowCalls", 3L)
			.containsEntry("neededOrders", 4L)
			.containsEntry("orderWindowCalls", 3L)
			.containsEntry("idPagingWeight", 50L)
			.containsEntry("timeWindowWeight", 49L);
		assertThat(symbol(window, "ETHUSDT")).as("no trade income in the window: not synced").isNull();
		assertThat(window.get("formulas").toString()).contains("idPagingWeight", "timeWindowWeight");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> symbol(Map<String, Object> stats, String symbol) {
		return ((Map<String, Map<String, Object>>) stats.get("symbols")).get(symbol);
	}

	@Test
	void statsOfAGeneratedAccountCountEveryServedRecord() {
		SimulatedAccount account = AccountGenerator.generate(GeneratorConfig.of(9, 6, 120, NOW));

		Map<String, Object> stats = AccountStats.of(account, SimulatorOptions.defaults(), 30);

		List<Long> fills = new ArrayList<>();
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> symbols = (Map<String, Map<String, Object>>) stats.get("symbols");
		symbols.values().forEach(counts -> fills.add((Long) counts.get("fills")));
		assertThat(fills.stream().mapToLong(Long::longValue).sum()).isEqualTo(account.fills().size());
		assertThat(symbols.values().stream().mapToLong(counts -> (Long) counts.get("orders")).sum())
			.isLessThan(account.orders().size());
		assertThat(stats.get("window")).isNotNull();
	}
}
