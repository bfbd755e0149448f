package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.simulator.ExchangeAccountFixture.NOW;
import static syncjob.simulator.ExchangeAccountFixture.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import syncjob.lifecycle.IncomeType;

class ExchangeRetentionTest {

	private final MutableClock clock = MutableClock.at(NOW);

	private SimulatedExchange exchange;

	private ExchangeTestClient client;

	private void start(ExchangeAccountFixture account, SimulatorOptions.Builder options) {
		exchange = SimulatedExchange.start(account.build(), options.clock(clock).build());
		client = new ExchangeTestClient(exchange, clock);
	}

	@AfterEach
	void stop() {
		exchange.close();
	}

	private static List<Long> ids(JsonNode rows, String field) {
		List<Long> values = new ArrayList<>();
		rows.forEach(row -> values.add(row.path(field).asLong()));
		return values;
	}

	private static Instant daysAgo(int days) {
		return NOW.minus(Duration.ofDays(days));
	}

	@Test
	void fillsOlderThanSixCalendarMonthsAreNotServed() {
		// NOW is 2026-09-01: six calendar months back is 2026-03-01, 184 days
		Instant sixMonths = Instant.parse("2026-03-01T00:00:00Z");
		start(account().fill("BTCUSDT", 1, sixMonths.minusMillis(1)).fill("BTCUSDT", 2, sixMonths),
				SimulatorOptions.builder());

		JsonNode byId = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=1").json();
		JsonNode byTime = client.signed("/fapi/v1/userTrades",
				"symbol=BTCUSDT&startTime=" + daysAgo(185).toEpochMilli()).json();

		assertThat(sixMonths).isEqualTo(daysAgo(184));
		assertThat(ids(byId, "id")).containsExactly(2L);
		assertThat(ids(byTime, "id")).containsExactly(2L);
	}

	@Test
	void calendarRetentionFollowsTheMonthsOfTheServerClockInUtc() {
		// on 2026-03-31 six months back is 2025-09-30 (182 days), three months back 2025-12-31 (90 days)
		clock.set(Instant.parse("2026-03-31T12:00:00Z"));
		start(account().fill("BTCUSDT", 1, Instant.parse("2025-09-30T11:59:59.999Z"))
			.fill("BTCUSDT", 2, Instant.parse("2025-09-30T12:00:00Z"))
			.income("BTCUSDT", IncomeType.FUNDING_FEE, "-1", Instant.parse("2025-12-31T11:59:59.999Z"), 1)
			.income("BTCUSDT", IncomeType.FUNDING_FEE, "-1", Instant.parse("2025-12-31T12:00:00Z"), 2),
				SimulatorOptions.builder());

		JsonNode fills = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=1").json();
		JsonNode income = client.signed("/fapi/v1/income", "startTime=0").json();

		assertThat(ids(fills, "id")).containsExactly(2L);
		assertThat(ids(income, "tranId")).containsExactly(2L);
	}

	@Test
	void tradeRetentionIsConfigurableAndMovesWithTheServerClock() {
		start(account().fill("BTCUSDT", 1, daysAgo(20)).fill("BTCUSDT", 2, daysAgo(5)),
				SimulatorOptions.builder().tradeRetention(Duration.ofDays(30)));

		JsonNode before = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=1").json();
		clock.advance(Duration.ofDays(15));
		JsonNode after = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=1").json();

		assertThat(ids(before, "id")).containsExactly(1L, 2L);
		assertThat(ids(after, "id")).containsExactly(2L);
	}

	@Test
	void ordersOlderThanNinetyDaysAreNotServed() {
		start(account().order("BTCUSDT", 7, daysAgo(90).minusMillis(1)).order("BTCUSDT", 8, daysAgo(90)),
				SimulatorOptions.builder());

		JsonNode orders = client.signed("/fapi/v1/allOrders", "symbol=BTCUSDT&orderId=1").json();

		assertThat(ids(orders, "orderId")).containsExactly(8L);
	}

	@Test
	void incomeOlderThanThreeCalendarMonthsIsNotServed() {
		// NOW is 2026-09-01: three calendar months back is 2026-06-01, 92 days
		start(account().income("BTCUSDT", IncomeType.FUNDING_FEE, "-1", daysAgo(92).minusMillis(1), 1)
			.income("BTCUSDT", IncomeType.FUNDING_FEE, "-1", daysAgo(92), 2)
			.income("BTCUSDT", IncomeType.FUNDING_FEE, "-1", daysAgo(91), 3), SimulatorOptions.builder());

		JsonNode income = client.signed("/fapi/v1/income", "startTime=" + daysAgo(200).toEpochMilli()).json();

		assertThat(ids(income, "tranId")).containsExactly(2L, 3L);
	}

	@Test
	void orderAndIncomeRetentionAreConfigurable() {
		start(account().order("BTCUSDT", 7, daysAgo(100))
			.income("BTCUSDT", IncomeType.FUNDING_FEE, "-1", daysAgo(100), 1),
				SimulatorOptions.builder().orderRetention(Duration.ofDays(120)).incomeRetention(Duration.ofDays(120)));

		JsonNode orders = client.signed("/fapi/v1/allOrders", "symbol=BTCUSDT&orderId=1").json();
		JsonNode income = client.signed("/fapi/v1/income", "startTime=" + daysAgo(200).toEpochMilli()).json();

		assertThat(ids(orders, "orderId")).containsExactly(7L);
		assertThat(ids(income, "tranId")).containsExactly(1L);
	}

	@Test
	void recordsAfterTheServerClockAreNotYetServed() {
		start(account().fill("BTCUSDT", 1, NOW.minusSeconds(10)).fill("BTCUSDT", 2, NOW.plusSeconds(10)),
				SimulatorOptions.builder());

		JsonNode now = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=1").json();
		clock.advance(Duration.ofSeconds(10));
		JsonNode later = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=1").json();

		assertThat(ids(now, "id")).containsExactly(1L);
		assertThat(ids(later, "id")).containsExactly(1L, 2L);
	}
}
