package syncjob.binance;

import java.math.BigDecimal;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;

/** A row of {@code GET /fapi/v1/userTrades}; decimals arrive as strings, times as epoch ms. */
record TradeRow(String symbol, Long id, Long orderId, Side side, PositionSide positionSide, BigDecimal price,
		BigDecimal qty, BigDecimal quoteQty, BigDecimal realizedPnl, BigDecimal commission, String commissionAsset,
		Long time, Boolean buyer, Boolean maker) {

	/**
	 * Commission keeps the sign Binance served: real accounts report a fee paid as positive, the
	 * docs' sample shows it negative, and a maker rebate has the other sign. Which is which is
	 * decided against the trade's COMMISSION income, not here.
	 */
	Fill toFill() {
		return new Fill(RowFields.shared(RowFields.require(symbol, "symbol")), RowFields.require(id, "id"),
				RowFields.require(orderId, "orderId"), RowFields.require(side, "side"), RowFields.require(positionSide, "positionSide"),
				RowFields.require(price, "price"), RowFields.require(qty, "qty"), RowFields.require(realizedPnl, "realizedPnl"),
				RowFields.require(commission, "commission"),
				RowFields.shared(RowFields.require(commissionAsset, "commissionAsset")), RowFields.instant(RowFields.require(time, "time")),
				Boolean.TRUE.equals(maker));
	}
}
