package syncjob.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;

/** Hand-made accounts for ground-truth tests: literal fills, their orders and funding. */
final class GroundTruthAccountBuilder {

	private final List<SymbolSpec> symbols = new ArrayList<>();

	private final List<Fill> fills = new ArrayList<>();

	private final List<Order> orders = new ArrayList<>();

	private final List<IncomeRecord> income = new ArrayList<>();

	private long nextTranId = 1_000;

	GroundTruthAccountBuilder symbol(String base, String quote) {
		symbols.add(new SymbolSpec(base + quote, base, quote));
		return this;
	}

	/** A fill and its order (one order per fill, the order placed at the fill time). */
	GroundTruthAccountBuilder fill(String symbol, long id, String orderType, Side side, PositionSide positionSide,
			String price, String qty, String realizedPnl, String commission, String commissionAsset, String time) {
		return fill(symbol, id, orderType, time, side, positionSide, price, qty, realizedPnl, commission,
				commissionAsset, time);
	}

	GroundTruthAccountBuilder fill(String symbol, long id, String orderType, String orderTime, Side side,
			PositionSide positionSide, String price, String qty, String realizedPnl, String commission,
			String commissionAsset, String time) {
		long orderId = id * 10;
		fills.add(new Fill(symbol, id, orderId, side, positionSide, new BigDecimal(price), new BigDecimal(qty),
				new BigDecimal(realizedPnl), new BigDecimal(commission), commissionAsset, Instant.parse(time),
				orderType.equals("LIMIT")));
		orders.add(new Order(symbol, orderId, orderType, "FILLED", side, positionSide, new BigDecimal(qty),
				new BigDecimal(qty), Instant.parse(orderTime), Instant.parse(time)));
		return this;
	}

	/** The order of fill {@code fillId} (one of this builder's) with a client order id, as the exchange's closes have. */
	GroundTruthAccountBuilder clientOrderId(long fillId, String clientOrderId) {
		for (int i = 0; i < orders.size(); i++) {
			Order o = orders.get(i);
			if (o.orderId() == fillId * 10) {
				orders.set(i, new Order(o.symbol(), o.orderId(), o.type(), o.status(), o.side(), o.positionSide(),
						o.origQty(), o.executedQty(), o.time(), o.updateTime(), clientOrderId));
			}
		}
		return this;
	}

	GroundTruthAccountBuilder funding(String symbol, String amount, String quote, String time) {
		income.add(new IncomeRecord(symbol, IncomeType.FUNDING_FEE, new BigDecimal(amount), quote, Instant.parse(time),
				Long.toString(nextTranId++), "", ""));
		return this;
	}

	SimulatedAccount build(String end) {
		fills.sort(Comparator.comparing(Fill::symbol).thenComparingLong(Fill::id));
		orders.sort(Comparator.comparing(Order::symbol).thenComparingLong(Order::orderId));
		income.sort(Comparator.comparing(IncomeRecord::time));
		return new SimulatedAccount(symbols, fills, orders, income, List.of(), true, Instant.parse(end));
	}
}
