package syncjob.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.Order;

/**
 * An order as allOrders and Query Order write it, field for field in Binance's order. Average
 * price and cumulative quote come from the order's fills (a fill lost by the exchange still
 * counts: the order's figures are kept apart from userTrades).
 */
final class OrderRows {

	private final AccountBook book;

	OrderRows(AccountBook book) {
		this.book = book;
	}

	ObjectNode row(Order order) {
		String symbol = order.symbol();
		List<Fill> fills = book.fillsOfOrder(symbol, order.orderId());
		BigDecimal cumQuote = fills.stream().map(f -> f.price().multiply(f.qty())).reduce(BigDecimal.ZERO,
				BigDecimal::add);
		BigDecimal filledQty = fills.stream().map(Fill::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal avgPrice = filledQty.signum() == 0 ? BigDecimal.ZERO
				: cumQuote.divide(filledQty, book.pricePrecision(symbol) + 2, RoundingMode.HALF_EVEN);
		OrderTerms terms = book.terms(order);
		ObjectNode row = ExchangeJson.object();
		ExchangeJson.decimal(row, "avgPrice", avgPrice);
		row.put("clientOrderId", ClientOrderIds.of(order));
		ExchangeJson.decimal(row, "cumQuote", cumQuote);
		ExchangeJson.decimal(row, "executedQty", order.executedQty() != null ? order.executedQty() : filledQty);
		row.put("orderId", order.orderId());
		ExchangeJson.decimal(row, "origQty", order.origQty() != null ? order.origQty() : filledQty);
		row.put("origType", order.type());
		ExchangeJson.decimal(row, "price", terms.price());
		row.put("reduceOnly", terms.reduceOnly());
		row.put("side", order.side() == null ? null : order.side().name());
		row.put("positionSide", order.positionSide() == null ? "BOTH" : order.positionSide().name());
		row.put("status", order.status() == null ? "FILLED" : order.status());
		ExchangeJson.decimal(row, "stopPrice", terms.stopPrice());
		row.put("closePosition", false);
		row.put("symbol", symbol);
		ExchangeJson.time(row, "time", order.time());
		row.put("timeInForce", terms.timeInForce());
		row.put("type", order.type());
		if (terms.activatePrice() != null) {
			ExchangeJson.decimal(row, "activatePrice", terms.activatePrice());
			ExchangeJson.decimal(row, "priceRate", terms.priceRate());
		}
		ExchangeJson.time(row, "updateTime", order.updateTime() != null ? order.updateTime() : order.time());
		row.put("workingType", "CONTRACT_PRICE");
		row.put("priceProtect", false);
		row.put("priceMatch", "NONE");
		row.put("selfTradePreventionMode", "EXPIRE_MAKER");
		row.put("goodTillDate", terms.goodTillDate());
		return row;
	}
}
