package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.simulator.ExchangeAccountFixture.NOW;
import static syncjob.simulator.ExchangeAccountFixture.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import syncjob.lifecycle.IncomeType;
import syncjob.simulator.ExchangeTestClient.Response;

class ExchangePaginationTest {

	private static final Duration DAY = Duration.ofDays(1);

	private static final Duration SEVEN_DAYS = Duration.ofDays(7);

	private final MutableClock clock = MutableClock.at(NOW);

	private SimulatedExchange exchange;

	private ExchangeTestClient client;

	private void start(ExchangeAccountFixture account) {
		exchange = SimulatedExchange.start(account.build(), SimulatorOptions.builder().clock(clock).build());
		client = new ExchangeTestClient(exchange, clock);
	}

	@AfterEach
	void stop() {
		exchange.close();
	}

	private static List<Long> longs(JsonNode rows, String field) {
		List<Long> values = new ArrayList<>();
		rows.forEach(row -> values.add(row.path(field).asLong()));
		return values;
	}

	private static long ms(Instant instant) {
		return instant.toEpochMilli();
	}

	@Test
	void userTradesDefaultToFiveHundredAndServeExactlyOneThousand() {
		start(account().fills("BTCUSDT", 1, 1200, NOW.minus(DAY), Duration.ofSeconds(10)));

		Response byDefault = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT");
		Response atMost = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&limit=1000");

		assertThat(byDefault.json()).hasSize(500);
		assertThat(longs(byDefault.json(), "id")).isEqualTo(LongStream.rangeClosed(1, 500).boxed().toList());
		assertThat(atMost.json()).hasSize(1000);
		assertThat(longs(atMost.json(), "id")).isSorted().startsWith(1L).endsWith(1000L);
	}

	@Test
	void fromIdReturnsIdsFromItAscending() {
		start(account().fills("BTCUSDT", 100, 10, NOW.minus(DAY), Duration.ofMinutes(1)));

		Response middle = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=104&limit=3");
		Response last = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=109");
		Response beyond = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=110");

		assertThat(longs(middle.json(), "id")).containsExactly(104L, 105L, 106L);
		assertThat(longs(last.json(), "id")).containsExactly(109L);
		assertThat(beyond.json()).isEmpty();
	}

	@Test
	void fromIdIsNotLimitedToSevenDays() {
		start(account().fill("BTCUSDT", 1, NOW.minus(Duration.ofDays(30))).fill("BTCUSDT", 2, NOW.minus(DAY)));

		Response response = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=1");

		assertThat(longs(response.json(), "id")).containsExactly(1L, 2L);
	}

	@Test
	void userTradesWithoutTimesCoverTheLastSevenDays() {
		start(account().fill("BTCUSDT", 1, NOW.minus(SEVEN_DAYS).minusMillis(1))
			.fill("BTCUSDT", 2, NOW.minus(SEVEN_DAYS))
			.fill("BTCUSDT", 3, NOW.minusSeconds(1)));

		Response response = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT");

		assertThat(longs(response.json(), "id")).containsExactly(2L, 3L);
	}

	@Test
	void startTimeAloneCoversSevenDaysFromIt() {
		Instant start = NOW.minus(Duration.ofDays(20));
		start(account().fill("BTCUSDT", 1, start.minusMillis(1))
			.fill("BTCUSDT", 2, start)
			.fill("BTCUSDT", 3, start.plus(SEVEN_DAYS))
			.fill("BTCUSDT", 4, start.plus(SEVEN_DAYS).plusMillis(1)));

		Response response = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&startTime=" + ms(start));

		assertThat(longs(response.json(), "id")).containsExactly(2L, 3L);
	}

	@Test
	void endTimeAloneCoversSevenDaysBeforeIt() {
		Instant end = NOW.minus(Duration.ofDays(20));
		start(account().fill("BTCUSDT", 1, end.minus(SEVEN_DAYS).minusMillis(1))
			.fill("BTCUSDT", 2, end.minus(SEVEN_DAYS))
			.fill("BTCUSDT", 3, end)
			.fill("BTCUSDT", 4, end.plusMillis(1)));

		Response response = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&endTime=" + ms(end));

		assertThat(longs(response.json(), "id")).containsExactly(2L, 3L);
	}

	@Test
	void spanOfExactlySevenDaysIsServedAndOneMillisecondMoreIsEmpty() {
		Instant start = NOW.minus(Duration.ofDays(10));
		start(account().fill("BTCUSDT", 1, start).fill("BTCUSDT", 2, start.plus(DAY)));
		String exactly = "symbol=BTCUSDT&startTime=" + ms(start) + "&endTime=" + ms(start.plus(SEVEN_DAYS));
		String over = "symbol=BTCUSDT&startTime=" + ms(start) + "&endTime=" + (ms(start.plus(SEVEN_DAYS)) + 1);

		Response tradesExactly = client.signed("/fapi/v1/userTrades", exactly);
		Response tradesOver = client.signed("/fapi/v1/userTrades", over);
		Response ordersExactly = client.signed("/fapi/v1/allOrders", exactly);
		Response ordersOver = client.signed("/fapi/v1/allOrders", over);

		assertThat(longs(tradesExactly.json(), "id")).containsExactly(1L, 2L);
		assertThat(tradesOver.status()).isEqualTo(200);
		assertThat(tradesOver.json()).isEmpty();
		assertThat(longs(ordersExactly.json(), "orderId")).containsExactly(1001L, 1002L);
		assertThat(ordersOver.status()).isEqualTo(200);
		assertThat(ordersOver.json()).isEmpty();
	}

	@Test
	void allOrdersWithoutOrderIdReturnTheMostRecentAscending() {
		start(account().fills("BTCUSDT", 1, 10, NOW.minus(DAY), Duration.ofMinutes(1)));

		Response response = client.signed("/fapi/v1/allOrders", "symbol=BTCUSDT&limit=3");

		assertThat(longs(response.json(), "orderId")).containsExactly(1008L, 1009L, 1010L);
	}

	@Test
	void allOrdersFromOrderIdReturnThatIdOnAscending() {
		start(account().fills("BTCUSDT", 1, 10, NOW.minus(Duration.ofDays(40)), Duration.ofDays(3)));

		Response response = client.signed("/fapi/v1/allOrders", "symbol=BTCUSDT&orderId=1004&limit=3");
		Response last = client.signed("/fapi/v1/allOrders", "symbol=BTCUSDT&orderId=1010");

		assertThat(longs(response.json(), "orderId")).containsExactly(1004L, 1005L, 1006L);
		assertThat(longs(last.json(), "orderId")).containsExactly(1010L);
	}

	@Test
	void incomeDefaultsToAHundredRowsOfTheLastSevenDays() {
		start(account().income("BTCUSDT", IncomeType.FUNDING_FEE, "-0.5", NOW.minus(Duration.ofDays(8)), 1)
			.incomes("BTCUSDT", 10, 150, NOW.minus(DAY), Duration.ofMinutes(1)));

		Response response = client.signed("/fapi/v1/income", "");

		assertThat(response.json()).hasSize(100);
		assertThat(longs(response.json(), "tranId")).startsWith(10L).endsWith(109L);
	}

	@Test
	void incomeStartTimeAloneReachesBackBeyondSevenDays() {
		start(account().income("BTCUSDT", IncomeType.FUNDING_FEE, "-0.5", NOW.minus(Duration.ofDays(30)), 1)
			.income("BTCUSDT", IncomeType.FUNDING_FEE, "-0.5", NOW.minus(DAY), 2));

		Response response = client.signed("/fapi/v1/income",
				"startTime=" + ms(NOW.minus(Duration.ofDays(60))) + "&incomeType=FUNDING_FEE");

		assertThat(longs(response.json(), "tranId")).containsExactly(1L, 2L);
	}

	@Test
	void incomeIsOrderedByTimeThenTranIdAndPagedFromOne() {
		Instant t = NOW.minus(DAY);
		start(account().income("BTCUSDT", IncomeType.COMMISSION, "-0.1", t.plusSeconds(1), 5)
			.income("BTCUSDT", IncomeType.REALIZED_PNL, "3", t, 9)
			.income("ETHUSDT", IncomeType.COMMISSION, "-0.2", t, 8)
			.income("BTCUSDT", IncomeType.FUNDING_FEE, "0.3", t.plusSeconds(2), 1));
		String window = "startTime=" + ms(t) + "&limit=2";

		Response first = client.signed("/fapi/v1/income", window);
		Response second = client.signed("/fapi/v1/income", window + "&page=2");
		Response beyond = client.signed("/fapi/v1/income", window + "&page=3");

		assertThat(longs(first.json(), "tranId")).containsExactly(8L, 9L);
		assertThat(longs(second.json(), "tranId")).containsExactly(5L, 1L);
		assertThat(beyond.status()).isEqualTo(200);
		assertThat(beyond.json()).isEmpty();
	}

	@Test
	void incomeFiltersBySymbolAndType() {
		Instant t = NOW.minus(DAY);
		start(account().income("BTCUSDT", IncomeType.COMMISSION, "-0.1", t, 1)
			.income("BTCUSDT", IncomeType.REALIZED_PNL, "3", t, 2)
			.income("ETHUSDT", IncomeType.COMMISSION, "-0.2", t, 3));

		Response response = client.signed("/fapi/v1/income", "symbol=BTCUSDT&incomeType=COMMISSION");

		assertThat(longs(response.json(), "tranId")).containsExactly(1L);
	}

	@Test
	void userTradesWindowReturnsItsFirstRowsSoStartTimeCanWalkForward() {
		start(account().fills("BTCUSDT", 1, 5, NOW.minus(DAY), Duration.ofMinutes(1)));

		Response response = client.signed("/fapi/v1/userTrades",
				"symbol=BTCUSDT&startTime=" + ms(NOW.minus(DAY)) + "&limit=2");

		assertThat(longs(response.json(), "id")).containsExactly(1L, 2L);
	}
}
