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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.PositionSide;
import syncjob.simulator.ExchangeTestClient.Response;

/** Each reading of Binance's docs the options select, as a client sees it. */
class ExchangeReadingsTest {

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

	private static long ms(Instant instant) {
		return instant.toEpochMilli();
	}

	/** Fills (and their orders, id + 1000) 30, 8 and 6 days old. */
	private static ExchangeAccountFixture agedFills() {
		return account().fill("BTCUSDT", 1, daysAgo(30)).fill("BTCUSDT", 2, daysAgo(8)).fill("BTCUSDT", 3, daysAgo(6));
	}

	@Test
	void idPagingReachesTheWholeRetentionByDefault() {
		start(agedFills(), SimulatorOptions.builder());

		JsonNode fills = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=1").json();
		JsonNode orders = client.signed("/fapi/v1/allOrders", "symbol=BTCUSDT&orderId=1").json();

		assertThat(exchange.options().idPagingDays()).isZero();
		assertThat(ids(fills, "id")).containsExactly(1L, 2L, 3L);
		assertThat(ids(orders, "orderId")).containsExactly(1001L, 1002L, 1003L);
	}

	@Test
	void idPagingDaysLimitsRequestsByIdAloneToTheLastDays() {
		start(agedFills(), SimulatorOptions.builder().idPagingDays(7));

		JsonNode fills = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=1").json();
		JsonNode orders = client.signed("/fapi/v1/allOrders", "symbol=BTCUSDT&orderId=1").json();

		assertThat(ids(fills, "id")).containsExactly(3L);
		assertThat(ids(orders, "orderId")).containsExactly(1003L);
	}

	@Test
	void idPagingDaysLeaveTimeWindowsAsTheyAre() {
		start(agedFills(), SimulatorOptions.builder().idPagingDays(7));
		String window = "symbol=BTCUSDT&startTime=" + ms(daysAgo(9)) + "&endTime=" + ms(daysAgo(3));

		JsonNode fills = client.signed("/fapi/v1/userTrades", window).json();
		JsonNode orders = client.signed("/fapi/v1/allOrders", window).json();
		JsonNode ordersFromId = client.signed("/fapi/v1/allOrders", window + "&orderId=1").json();

		assertThat(ids(fills, "id")).containsExactly(2L, 3L);
		assertThat(ids(orders, "orderId")).containsExactly(1002L, 1003L);
		assertThat(ids(ordersFromId, "orderId")).containsExactly(1002L, 1003L);
	}

	@Test
	void idPagingStaysWithinTradeRetention() {
		start(agedFills(), SimulatorOptions.builder().idPagingDays(20).tradeRetention(Duration.ofDays(7)));

		JsonNode fills = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=1").json();

		assertThat(ids(fills, "id")).containsExactly(3L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/fapi/v1/userTrades", "/fapi/v1/allOrders", "/fapi/v1/income" })
	void tooOldStartClipsToTheRetentionByDefault(String path) {
		start(agedFills(), SimulatorOptions.builder());

		Response response = client.signed(path, "symbol=BTCUSDT&startTime=" + ms(daysAgo(400)));

		assertThat(exchange.options().tooOldStart()).isEqualTo(TooOldStart.CLIP);
		assertThat(response.status()).isEqualTo(200);
	}

	/** Retention on 2026-09-01: fills 184 days (six months), orders 90 days, income 92 days (three months). */
	@ParameterizedTest
	@CsvSource({ "/fapi/v1/userTrades, 184", "/fapi/v1/allOrders, 90", "/fapi/v1/income, 92" })
	void tooOldStartErrorRefusesAStartTimeBeforeTheEndpointsRetention(String path, int retentionDays) {
		start(agedFills(), SimulatorOptions.builder().tooOldStart(TooOldStart.ERROR));

		Response tooOld = client.signed(path, "symbol=BTCUSDT&startTime=" + (ms(daysAgo(retentionDays)) - 1));
		Response atTheHorizon = client.signed(path, "symbol=BTCUSDT&startTime=" + ms(daysAgo(retentionDays)));
		Response oldEndOnly = client.signed(path, "symbol=BTCUSDT&endTime=" + ms(daysAgo(300)));

		assertThat(tooOld.status()).isEqualTo(400);
		assertThat(tooOld.code()).isEqualTo(-1130);
		assertThat(tooOld.msg()).isEqualTo("Data sent for parameter 'startTime' is not valid.");
		assertThat(atTheHorizon.status()).isEqualTo(200);
		assertThat(oldEndOnly.status()).isEqualTo(200);
	}

	@Test
	void aHiddenFillIsNeverServedWhileItsIncomeOrderAndPositionStay() {
		start(agedFills().income("BTCUSDT", IncomeType.COMMISSION, "-0.2000001", daysAgo(8), 55)
			.position("BTCUSDT", PositionSide.BOTH, "0.030", "50000.10"), SimulatorOptions.builder().hideFill("BTCUSDT", 2));

		JsonNode byId = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=1").json();
		JsonNode byTime = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&startTime=" + ms(daysAgo(9))).json();
		JsonNode orders = client.signed("/fapi/v1/allOrders", "symbol=BTCUSDT&orderId=1002&limit=1").json();
		JsonNode income = client.signed("/fapi/v1/income", "startTime=" + ms(daysAgo(9))).json();
		JsonNode positions = client.signed("/fapi/v3/positionRisk", "symbol=BTCUSDT").json();

		assertThat(ids(byId, "id")).containsExactly(1L, 3L);
		assertThat(ids(byTime, "id")).containsExactly(3L);
		assertThat(orders.get(0).path("executedQty").asText()).isEqualTo("0.010");
		assertThat(orders.get(0).path("cumQuote").asText()).isEqualTo("500.00100");
		assertThat(ids(income, "tranId")).containsExactly(55L);
		assertThat(positions.get(0).path("positionAmt").asText()).isEqualTo("0.030");
	}

	@Test
	void commissionIsServedAsPaidPositiveByDefaultAndNegatedOnRequestButIncomeNever() {
		ExchangeAccountFixture account = agedFills().income("BTCUSDT", IncomeType.COMMISSION, "-0.2000001", daysAgo(6),
				56);
		start(account, SimulatorOptions.builder());
		JsonNode positive = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=3").json();
		JsonNode positiveIncome = client.signed("/fapi/v1/income", "incomeType=COMMISSION").json();
		exchange.close();

		start(account, SimulatorOptions.builder().commissionSign(CommissionSign.PAID_NEGATIVE));
		JsonNode negative = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=3").json();
		JsonNode negativeIncome = client.signed("/fapi/v1/income", "incomeType=COMMISSION").json();

		assertThat(positive.get(0).path("commission").asText()).isEqualTo("0.20000010");
		assertThat(negative.get(0).path("commission").asText()).isEqualTo("-0.20000010");
		assertThat(positiveIncome.get(0).path("income").asText()).isEqualTo("-0.2000001");
		assertThat(negativeIncome).isEqualTo(positiveIncome);
	}
}
