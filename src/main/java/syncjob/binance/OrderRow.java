package syncjob.binance;

import java.math.BigDecimal;

import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;

/** A row of {@code GET /fapi/v1/allOrders} (and of Query Order, {@code GET /fapi/v1/order}). */
record OrderRow(String symbol, Long orderId, String clientOrderId, String type, String origType, String status,
		Side side, PositionSide positionSide, BigDecimal price, BigDecimal avgPrice, BigDecimal origQty,
		BigDecimal executedQty, Long time, Long updateTime) {

	Order toOrder() {
		return new Order(Rows.shared(Rows.require(symbol, "symbol")), Rows.require(orderId, "orderId"),
				Rows.shared(Rows.require(type, "type")), Rows.shared(status), side, positionSide, origQty, executedQty,
				Rows.instant(time), Rows.instant(updateTime), clientOrderId);
	}
}
