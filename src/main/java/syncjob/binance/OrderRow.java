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
		return new Order(RowFields.shared(RowFields.require(symbol, "symbol")), RowFields.require(orderId, "orderId"),
				RowFields.shared(RowFields.require(type, "type")), RowFields.shared(status), side, positionSide, origQty, executedQty,
				RowFields.instant(time), RowFields.instant(updateTime), clientOrderId);
	}
}
