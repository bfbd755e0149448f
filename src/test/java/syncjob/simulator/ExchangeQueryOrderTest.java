package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.simulator.ExchangeAccountFixture.NOW;
import static syncjob.simulator.ExchangeAccountFixture.account;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import syncjob.simulator.ExchangeTestClient.Response;

/** {@code GET /fapi/v1/order}, and the order rows it shares with allOrders. */
class ExchangeQueryOrderTest {

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

	private static Instant daysAgo(int days) {
		return NOW.minus(Duration.ofDays(days));
	}

	private Response query(String parameters) {
		return client.signed("/fapi/v1/order", "symbol=BTCUSDT&" + parameters);
	}

	@Test
	void anOrderByIdIsTheRowAllOrdersGivesForIt() {
		start(account().fill("BTCUSDT", 1, daysAgo(2)).fill("BTCUSDT", 2, daysAgo(1)));

		Response one = query("orderId=1001");
		JsonNode listed = client.signed("/fapi/v1/allOrders", "symbol=BTCUSDT&orderId=1001&limit=1").json().get(0);

		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json()).isEqualTo(listed);
		assertThat(one.json().path("orderId").asLong()).isEqualTo(1001);
	}

	@Test
	void anOrderByClientOrderIdIsTheSameRowAndOrderIdPrevails() {
		start(account().fill("BTCUSDT", 1, daysAgo(2)).fill("BTCUSDT", 2, daysAgo(1)));
		String clientOrderId = query("orderId=1002").json().path("clientOrderId").asText();

		Response byClientId = query("origClientOrderId=" + clientOrderId);
		Response both = query("orderId=1001&origClientOrderId=" + clientOrderId);

		assertThat(byClientId.json().path("orderId").asLong()).isEqualTo(1002);
		assertThat(both.json().path("orderId").asLong()).isEqualTo(1001);
	}

	@ParameterizedTest
	@ValueSource(strings = { "orderId=999", "origClientOrderId=sim-999", "origClientOrderId=web_abc",
			"orderId=1001" })
	void anOrderTheExchangeDoesNotServeDoesNotExist(String parameters) {
		// order 1001 is older than the 90-day order retention
		start(account().fill("BTCUSDT", 1, daysAgo(91)).fill("BTCUSDT", 2, daysAgo(1)));

		Response response = query(parameters);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo(-2013);
		assertThat(response.msg()).isEqualTo("Order does not exist.");
	}

	@Test
	void anUnfilledCanceledOrExpiredOrderIsGoneAfterThreeDaysFromBothEndpoints() {
		start(account().order("BTCUSDT", 7, daysAgo(3).minusMillis(1), "LIMIT", "CANCELED", "0")
			.order("BTCUSDT", 8, daysAgo(3).plusMillis(1), "LIMIT", "CANCELED", "0")
			.order("BTCUSDT", 9, daysAgo(5), "LIMIT", "EXPIRED", "0")
			.order("BTCUSDT", 10, daysAgo(5), "LIMIT", "CANCELED", "0.004")
			.order("BTCUSDT", 11, daysAgo(5), "STOP_MARKET", "NEW", "0"));

		JsonNode listed = client.signed("/fapi/v1/allOrders", "symbol=BTCUSDT&orderId=1").json();

		assertThat(listed.findValuesAsText("orderId")).containsExactly("8", "10", "11");
		assertThat(query("orderId=7").code()).isEqualTo(-2013);
		assertThat(query("orderId=9").code()).isEqualTo(-2013);
		assertThat(query("orderId=8").status()).isEqualTo(200);
		assertThat(query("orderId=10").json().path("executedQty").asText()).isEqualTo("0.004");
	}

	@Test
	void eitherOrderIdOrClientOrderIdIsMandatory() {
		start(account());

		Response response = query("limit=1");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo(-1102);
		assertThat(response.msg()).isEqualTo("Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
	}

	@Test
	void queryOrderWeighsOneAndIsLogged() {
		start(account().fill("BTCUSDT", 1, daysAgo(1)));

		Response response = query("orderId=1001");

		assertThat(response.usedWeight()).isEqualTo(1);
		assertThat(exchange.requestLog()).singleElement().satisfies(entry -> {
			assertThat(entry.path()).isEqualTo("/fapi/v1/order");
			assertThat(entry.weight()).isEqualTo(1);
			assertThat(entry.status()).isEqualTo(200);
			assertThat(entry.symbol()).isEqualTo("BTCUSDT");
		});
	}

	@Test
	void orderRowsCarryTheirTermsTrailingOnesWithActivation() {
		start(account().order("BTCUSDT", 20, daysAgo(1), "LIMIT", "FILLED", "0.010")
			.terms(new OrderTerms("BTCUSDT", 20, new BigDecimal("49990.5"), BigDecimal.ZERO, null, null, "GTD",
					NOW.minusSeconds(3600).toEpochMilli(), true))
			.order("BTCUSDT", 21, daysAgo(1), "TRAILING_STOP_MARKET", "FILLED", "0.010")
			.terms(new OrderTerms("BTCUSDT", 21, BigDecimal.ZERO, new BigDecimal("50100.0"), new BigDecimal("50500.0"),
					new BigDecimal("1.5"), "GTC", 0, false)));

		JsonNode limit = query("orderId=20").json();
		JsonNode trailing = query("orderId=21").json();

		assertThat(Map.of("price", limit.path("price").asText(), "timeInForce", limit.path("timeInForce").asText(),
				"reduceOnly", limit.path("reduceOnly").asText())).containsExactlyInAnyOrderEntriesOf(
						Map.of("price", "49990.5", "timeInForce", "GTD", "reduceOnly", "true"));
		assertThat(limit.path("goodTillDate").asLong()).isEqualTo(NOW.minusSeconds(3600).toEpochMilli());
		assertThat(limit.has("activatePrice")).isFalse();
		assertThat(trailing.path("price").asText()).isEqualTo("0");
		assertThat(trailing.path("stopPrice").asText()).isEqualTo("50100.0");
		assertThat(trailing.path("activatePrice").asText()).isEqualTo("50500.0");
		assertThat(trailing.path("priceRate").asText()).isEqualTo("1.5");
	}

	@Test
	void aLimitOrderWithoutTermsIsPricedAtItsFirstFill() {
		start(account().fill("BTCUSDT", 1, daysAgo(1), "LIMIT"));

		JsonNode order = query("orderId=1001").json();

		assertThat(order.path("type").asText()).isEqualTo("LIMIT");
		assertThat(order.path("price").asText()).isEqualTo("50000.10");
	}
}
