package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.simulator.ExchangeAccountFixture.NOW;
import static syncjob.simulator.ExchangeAccountFixture.account;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.PositionSide;

class ExchangeResponseShapeTest {

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

	private static List<String> fields(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

	@Test
	void userTradesLookLikeBinance() {
		start(account().fill("BTCUSDT", 5123, NOW.minusSeconds(60)));

		JsonNode trade = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT").json().get(0);

		assertThat(fields(trade)).containsExactly("symbol", "id", "orderId", "side", "price", "qty", "realizedPnl",
				"quoteQty", "commission", "commissionAsset", "time", "positionSide", "buyer", "maker");
		assertThat(trade.path("id").isNumber()).isTrue();
		assertThat(trade.path("id").asLong()).isEqualTo(5123);
		assertThat(trade.path("orderId").asLong()).isEqualTo(6123);
		assertThat(trade.path("price").isTextual()).isTrue();
		assertThat(trade.path("price").asText()).isEqualTo("50000.10");
		assertThat(trade.path("qty").asText()).isEqualTo("0.010");
		assertThat(trade.path("quoteQty").asText()).isEqualTo("500.00100");
		assertThat(trade.path("commission").asText()).isEqualTo("0.20000010");
		assertThat(trade.path("time").isNumber()).isTrue();
		assertThat(trade.path("time").asLong()).isEqualTo(NOW.minusSeconds(60).toEpochMilli());
		assertThat(trade.path("buyer").asBoolean()).isTrue();
		assertThat(trade.path("positionSide").asText()).isEqualTo("BOTH");
	}

	@Test
	void allOrdersLookLikeBinance() {
		start(account().fill("BTCUSDT", 1, NOW.minusSeconds(60)));

		JsonNode order = client.signed("/fapi/v1/allOrders", "symbol=BTCUSDT").json().get(0);

		assertThat(fields(order)).containsExactly("avgPrice", "clientOrderId", "cumQuote", "executedQty", "orderId",
				"origQty", "origType", "price", "reduceOnly", "side", "positionSide", "status", "stopPrice",
				"closePosition", "symbol", "time", "timeInForce", "type", "updateTime", "workingType", "priceProtect",
				"priceMatch", "selfTradePreventionMode", "goodTillDate");
		assertThat(order.path("orderId").asLong()).isEqualTo(1001);
		assertThat(order.path("type").asText()).isEqualTo("MARKET");
		assertThat(order.path("price").asText()).isEqualTo("0");
		assertThat(order.path("priceMatch").asText()).isEqualTo("NONE");
		assertThat(order.path("selfTradePreventionMode").asText()).isEqualTo("EXPIRE_MAKER");
		assertThat(order.path("goodTillDate").isIntegralNumber()).isTrue();
		assertThat(order.path("goodTillDate").asLong()).isZero();
		assertThat(order.path("avgPrice").asText()).isEqualTo("50000.100");
		assertThat(order.path("cumQuote").asText()).isEqualTo("500.00100");
		assertThat(order.path("executedQty").asText()).isEqualTo("0.010");
		assertThat(order.path("updateTime").asLong()).isEqualTo(NOW.minusSeconds(60).toEpochMilli() + 5);
	}

	@Test
	void incomeHasANumericTranIdAndATextTradeId() {
		start(account().income("BTCUSDT", IncomeType.COMMISSION, "-0.0200", NOW.minusSeconds(60), 9876543210123L)
			.income("BTCUSDT", IncomeType.FUNDING_FEE, "0.5", NOW.minusSeconds(30), 77));

		JsonNode income = client.signed("/fapi/v1/income", "").json();

		assertThat(fields(income.get(0))).containsExactly("symbol", "incomeType", "income", "asset", "info", "time",
				"tranId", "tradeId");
		assertThat(income.get(0).path("tranId").isIntegralNumber()).isTrue();
		assertThat(income.get(0).path("tranId").asLong()).isEqualTo(9876543210123L);
		assertThat(income.get(0).path("income").asText()).isEqualTo("-0.0200");
		assertThat(income.get(0).path("tradeId").asText()).isEqualTo("9876543210130");
		assertThat(income.get(1).path("tradeId").isTextual()).isTrue();
		assertThat(income.get(1).path("tradeId").asText()).isEmpty();
	}

	@Test
	void positionRiskV3ListsOnlyOpenPositions() {
		start(account().hedge()
			.position("BTCUSDT", PositionSide.LONG, "0.030", "50000")
			.position("BTCUSDT", PositionSide.SHORT, "0", "0")
			.position("ETHUSDT", PositionSide.SHORT, "-1.5", "3000.25"));

		JsonNode positions = client.signed("/fapi/v3/positionRisk", "").json();
		JsonNode eth = client.signed("/fapi/v3/positionRisk", "symbol=ETHUSDT").json();

		assertThat(positions).hasSize(2);
		assertThat(fields(positions.get(0))).containsExactly("symbol", "positionSide", "positionAmt", "entryPrice",
				"breakEvenPrice", "markPrice", "unRealizedProfit", "liquidationPrice", "isolatedMargin", "notional",
				"marginAsset", "isolatedWallet", "initialMargin", "maintMargin", "positionInitialMargin",
				"openOrderInitialMargin", "adl", "bidNotional", "askNotional", "updateTime");
		assertThat(positions.get(0).path("positionAmt").asText()).isEqualTo("0.030");
		assertThat(eth).hasSize(1);
		assertThat(eth.get(0).path("positionSide").asText()).isEqualTo("SHORT");
		assertThat(eth.get(0).path("positionAmt").asText()).isEqualTo("-1.5");
		assertThat(eth.get(0).path("notional").asText()).isEqualTo("-4500.375");
	}

	@Test
	void positionRiskV2ListsEverySymbolAndSide() {
		start(account().hedge().position("BTCUSDT", PositionSide.LONG, "0.030", "50000"));

		JsonNode positions = client.signed("/fapi/v2/positionRisk", "").json();

		assertThat(positions).hasSize(6);
		List<String> keys = new ArrayList<>();
		positions.forEach(p -> keys.add(p.path("symbol").asText() + "/" + p.path("positionSide").asText() + "/"
				+ p.path("positionAmt").asText()));
		assertThat(keys).containsExactly("BTCUSDT/BOTH/0", "BTCUSDT/LONG/0.030", "BTCUSDT/SHORT/0", "ETHUSDT/BOTH/0",
				"ETHUSDT/LONG/0", "ETHUSDT/SHORT/0");
	}

	@Test
	void positionRiskV2InOneWayModeHasOneRowPerSymbol() {
		start(account());

		JsonNode positions = client.signed("/fapi/v2/positionRisk", "").json();

		assertThat(positions).hasSize(2);
		assertThat(positions.get(0).path("positionSide").asText()).isEqualTo("BOTH");
	}

	@Test
	void dualSidePositionReportsTheAccountMode() {
		start(account().hedge());

		JsonNode dual = client.signed("/fapi/v1/positionSide/dual", "").json();

		assertThat(fields(dual)).containsExactly("dualSidePosition");
		assertThat(dual.path("dualSidePosition").asBoolean()).isTrue();
	}

	@Test
	void exchangeInfoListsTheSymbolsAsPerpetuals() {
		start(account().fill("BTCUSDT", 1, NOW.minusSeconds(60)));

		JsonNode info = client.get("/fapi/v1/exchangeInfo").json();
		JsonNode btc = info.path("symbols").get(0);

		assertThat(info.path("timezone").asText()).isEqualTo("UTC");
		assertThat(info.path("serverTime").asLong()).isEqualTo(NOW.toEpochMilli());
		assertThat(info.path("rateLimits").get(1).path("rateLimitType").asText()).isEqualTo("ORDERS");
		assertThat(info.path("symbols")).hasSize(2);
		assertThat(fields(btc)).contains("symbol", "pair", "contractType", "status", "baseAsset", "quoteAsset",
				"marginAsset", "pricePrecision", "quantityPrecision");
		assertThat(btc.path("symbol").asText()).isEqualTo("BTCUSDT");
		assertThat(btc.path("contractType").asText()).isEqualTo("PERPETUAL");
		assertThat(btc.path("status").asText()).isEqualTo("TRADING");
		assertThat(btc.path("baseAsset").asText()).isEqualTo("BTC");
		assertThat(btc.path("quoteAsset").asText()).isEqualTo("USDT");
		assertThat(btc.path("pricePrecision").asInt()).isEqualTo(1);
		assertThat(btc.path("quantityPrecision").asInt()).isEqualTo(2);
	}
}
