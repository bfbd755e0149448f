package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;

/** exchangeInfo filters, order prices and positions of a generated account, as a client reads them. */
class ExchangeMarketDataTest {

	private static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");

	private final MutableClock clock = MutableClock.at(NOW);

	private SimulatedExchange exchange;

	private ExchangeTestClient client;

	private SimulatedAccount start(long seed) {
		SimulatedAccount account = AccountGenerator.generate(GeneratorConfig.of(seed, 12, 150, NOW));
		exchange = SimulatedExchange.start(account, SimulatorOptions.builder().clock(clock).build());
		client = new ExchangeTestClient(exchange, clock);
		return account;
	}

	@AfterEach
	void stop() {
		exchange.close();
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 42 })
	void everyPriceAndQuantityOfTheAccountObeysItsSymbolsFilters(long seed) {
		SimulatedAccount account = start(seed);
		Map<String, OrderTerms> terms = account.orderTerms().stream()
			.collect(Collectors.toMap(t -> t.symbol() + "/" + t.orderId(), Function.identity()));
		Map<String, List<Fill>> fillsByOrder = account.fills().stream()
			.collect(Collectors.groupingBy(f -> f.symbol() + "/" + f.orderId()));

		JsonNode info = client.get("/fapi/v1/exchangeInfo").json();

		assertThat(info.path("symbols")).hasSize(12).allSatisfy(symbol -> {
			String name = symbol.path("symbol").asText();
			Filters filters = Filters.of(symbol.path("filters"));
			assertThat(filters.tick).isEqualByComparingTo(BigDecimal.ONE.movePointLeft(symbol.path("pricePrecision").asInt()));
			assertThat(filters.step)
				.isEqualByComparingTo(BigDecimal.ONE.movePointLeft(symbol.path("quantityPrecision").asInt()));
			assertThat(account.fills()).filteredOn(fill -> fill.symbol().equals(name)).allSatisfy(fill -> {
				filters.requirePrice(fill.price(), "fill " + fill.id());
				filters.requireQty(fill.qty(), filters.maxQty, "fill " + fill.id());
			});
			assertThat(account.orders()).filteredOn(order -> order.symbol().equals(name)).allSatisfy(order -> {
				OrderTerms t = terms.get(name + "/" + order.orderId());
				String context = order.toString();
				List<Fill> fills = fillsByOrder.getOrDefault(name + "/" + order.orderId(), List.of());
				boolean marketPriced = t.price().signum() == 0;
				filters.requireQty(order.origQty(), marketPriced ? filters.marketMaxQty : filters.maxQty, context);
				for (BigDecimal price : new BigDecimal[] { t.price(), t.stopPrice(), t.activatePrice() }) {
					if (price != null && price.signum() > 0) {
						filters.requirePrice(price, context);
					}
				}
				if (!marketPriced) {
					fills.forEach(fill -> assertThat(fill.price()).as(context)
						.isBetween(t.price().multiply(filters.down), t.price().multiply(filters.up)));
				}
				if (opensOrAdds(order, t)) {
					BigDecimal price = !marketPriced ? t.price() : fills.isEmpty() ? t.stopPrice() : fills.get(0).price();
					assertThat(order.origQty().multiply(price)).as("notional of %s", context)
						.isGreaterThanOrEqualTo(filters.minNotional);
				}
			});
			assertThat(symbol.path("orderTypes")).extracting(JsonNode::asText)
				.contains("LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET",
						"TRAILING_STOP_MARKET");
		});
	}

	/** Binance's MIN_NOTIONAL binds orders that open or add; reduce-only ones and hedge closes are exempt. */
	private static boolean opensOrAdds(Order order, OrderTerms terms) {
		if (order.positionSide() == PositionSide.BOTH) {
			return !terms.reduceOnly();
		}
		return (order.positionSide() == PositionSide.LONG) == (order.side() == Side.BUY);
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 42 })
	void filledLimitOrdersShowTheirLimitPriceAndMarketOrdersNone(long seed) {
		SimulatedAccount account = start(seed);
		String symbol = account.symbols().get(0).symbol();

		JsonNode orders = client.signed("/fapi/v1/allOrders", "symbol=" + symbol + "&orderId=1&limit=1000").json();

		assertThat(orders).isNotEmpty().allSatisfy(order -> {
			BigDecimal price = new BigDecimal(order.path("price").asText());
			switch (order.path("type").asText()) {
				case "MARKET", "STOP_MARKET", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET" ->
					assertThat(price).as("%s", order).isZero();
				default -> assertThat(price).as("%s", order).isPositive();
			}
			if (order.path("type").asText().equals("LIMIT") && new BigDecimal(order.path("executedQty").asText()).signum() > 0) {
				// every fill of a limit order is a maker fill at its price
				assertThat(new BigDecimal(order.path("avgPrice").asText())).as("%s", order).isEqualByComparingTo(price);
			}
		});
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 42 })
	void openPositionsHaveAMarkPriceAwayFromEntryAndTheirUnrealisedProfit(long seed) {
		start(seed);

		JsonNode positions = client.signed("/fapi/v3/positionRisk", "").json();

		assertThat(positions).isNotEmpty().allSatisfy(position -> {
			BigDecimal amount = new BigDecimal(position.path("positionAmt").asText());
			BigDecimal entry = new BigDecimal(position.path("entryPrice").asText());
			BigDecimal mark = new BigDecimal(position.path("markPrice").asText());
			assertThat(amount.signum()).isNotZero();
			assertThat(mark).as("%s", position).isPositive().isNotEqualByComparingTo(entry);
			assertThat(new BigDecimal(position.path("unRealizedProfit").asText()))
				.isEqualByComparingTo(mark.subtract(entry).multiply(amount));
			assertThat(new BigDecimal(position.path("notional").asText())).isEqualByComparingTo(amount.multiply(mark));
			assertThat(new BigDecimal(position.path("initialMargin").asText())).isPositive();
			assertThat(new BigDecimal(position.path("liquidationPrice").asText())).isPositive();
			assertThat(position.path("marginAsset").asText()).isIn("USDT", "USDC");
		});
	}

	/** One symbol's filters, read from exchangeInfo. */
	private record Filters(BigDecimal tick, BigDecimal minPrice, BigDecimal maxPrice, BigDecimal step, BigDecimal minQty,
			BigDecimal maxQty, BigDecimal marketMaxQty, BigDecimal minNotional, BigDecimal up, BigDecimal down) {

		static Filters of(JsonNode filters) {
			Map<String, JsonNode> byType = new HashMap<>();
			filters.forEach(filter -> byType.put(filter.path("filterType").asText(), filter));
			assertThat(byType).containsOnlyKeys("PRICE_FILTER", "LOT_SIZE", "MARKET_LOT_SIZE", "MAX_NUM_ORDERS",
					"MIN_NOTIONAL", "PERCENT_PRICE");
			assertThat(byType.get("MAX_NUM_ORDERS").path("limit").asInt()).isPositive();
			return new Filters(decimal(byType, "PRICE_FILTER", "tickSize"), decimal(byType, "PRICE_FILTER", "minPrice"),
					decimal(byType, "PRICE_FILTER", "maxPrice"), decimal(byType, "LOT_SIZE", "stepSize"),
					decimal(byType, "LOT_SIZE", "minQty"), decimal(byType, "LOT_SIZE", "maxQty"),
					decimal(byType, "MARKET_LOT_SIZE", "maxQty"), decimal(byType, "MIN_NOTIONAL", "notional"),
					decimal(byType, "PERCENT_PRICE", "multiplierUp"), decimal(byType, "PERCENT_PRICE", "multiplierDown"));
		}

		private static BigDecimal decimal(Map<String, JsonNode> byType, String type, String field) {
			return new BigDecimal(byType.get(type).path(field).asText());
		}

		void requirePrice(BigDecimal price, String context) {
			assertThat(price.remainder(tick)).as("%s price %s on tick %s", context, price, tick).isZero();
			assertThat(price).as(context).isBetween(minPrice, maxPrice);
		}

		void requireQty(BigDecimal qty, BigDecimal max, String context) {
			assertThat(qty.remainder(step)).as("%s qty %s on step %s", context, qty, step).isZero();
			assertThat(qty).as(context).isBetween(minQty, max);
		}
	}
}
