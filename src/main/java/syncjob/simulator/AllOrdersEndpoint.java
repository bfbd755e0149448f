package syncjob.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.Order;

/**
 * {@code GET /fapi/v1/allOrders}: orders of one symbol, ascending by orderId. With
 * {@code orderId}, orders from that id on; otherwise the most recent {@code limit} orders of
 * a window of at most 7 days (Binance's documented behaviour). Orders older than the order
 * retention are gone.
 */
final class AllOrdersEndpoint implements EndpointHandler {

	private final AccountBook book;

	private final Duration retention;

	AllOrdersEndpoint(AccountBook book, Duration retention) {
		this.book = book;
		this.retention = retention;
	}

	@Override
	public JsonNode respond(QueryParams params, Instant serverNow) {
		String symbol = book.listedSymbol(params.required("symbol")).symbol();
		OptionalLong orderId = params.number("orderId");
		OptionalLong start = params.number("startTime");
		OptionalLong end = params.number("endTime");
		int limit = params.bounded("limit", 500, 1, 1000);
		Instant oldest = serverNow.minus(retention);
		Stream<Order> served = book.orders(symbol)
			.stream()
			.filter(o -> o.time() == null || !o.time().isBefore(oldest) && !o.time().isAfter(serverNow));
		boolean timeBound = orderId.isEmpty() || start.isPresent() || end.isPresent();
		if (timeBound) {
			Optional<TimeRange> range = TimeRange.sevenDays(start, end, serverNow.toEpochMilli());
			if (range.isEmpty()) {
				return ExchangeJson.array();
			}
			served = served.filter(o -> o.time() != null && range.get().contains(o.time()));
		}
		if (orderId.isPresent()) {
			return render(symbol, served.filter(o -> o.orderId() >= orderId.getAsLong()).limit(limit).toList());
		}
		List<Order> all = served.toList();
		return render(symbol, all.subList(Math.max(0, all.size() - limit), all.size()));
	}

	private ArrayNode render(String symbol, List<Order> orders) {
		ArrayNode rows = ExchangeJson.array();
		for (Order order : orders) {
			List<Fill> fills = book.fillsOfOrder(symbol, order.orderId());
			BigDecimal cumQuote = fills.stream().map(f -> f.price().multiply(f.qty())).reduce(BigDecimal.ZERO,
					BigDecimal::add);
			BigDecimal filledQty = fills.stream().map(Fill::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal avgPrice = filledQty.signum() == 0 ? BigDecimal.ZERO
					: cumQuote.divide(filledQty, book.pricePrecision(symbol) + 2, RoundingMode.HALF_EVEN);
			boolean market = "MARKET".equals(order.type());
			ObjectNode row = rows.addObject();
			ExchangeJson.decimal(row, "avgPrice", avgPrice);
			row.put("clientOrderId", "sim-" + order.orderId());
			ExchangeJson.decimal(row, "cumQuote", cumQuote);
			ExchangeJson.decimal(row, "executedQty", order.executedQty() != null ? order.executedQty() : filledQty);
			row.put("orderId", order.orderId());
			ExchangeJson.decimal(row, "origQty", order.origQty() != null ? order.origQty() : filledQty);
			row.put("origType", order.type());
			ExchangeJson.decimal(row, "price", market ? BigDecimal.ZERO : avgPrice);
			row.put("reduceOnly", false);
			row.put("side", order.side() == null ? null : order.side().name());
			row.put("positionSide", order.positionSide() == null ? "BOTH" : order.positionSide().name());
			row.put("status", order.status() == null ? "FILLED" : order.status());
			ExchangeJson.decimal(row, "stopPrice", BigDecimal.ZERO);
			row.put("closePosition", false);
			row.put("symbol", order.symbol());
			ExchangeJson.time(row, "time", order.time());
			row.put("timeInForce", "GTC");
			row.put("type", order.type());
			ExchangeJson.time(row, "updateTime", order.updateTime() != null ? order.updateTime() : order.time());
			row.put("workingType", "CONTRACT_PRICE");
			row.put("priceProtect", false);
		}
		return rows;
	}
}
