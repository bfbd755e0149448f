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
		return new Fill(Rows.shared(Rows.require(symbol, "symbol")), Rows.require(id, "id"),
				Rows.require(orderId, "orderId"), Rows.require(side, "side"), Rows.require(positionSide, "positionSide"),
				Rows.require(price, "price"), Rows.require(qty, "qty"), Rows.require(realizedPnl, "realizedPnl"),
				Rows.require(commission, "commission"),
				Rows.shared(Rows.require(commissionAsset, "commissionAsset")), Rows.instant(Rows.require(time, "time")),
				Boolean.TRUE.equals(maker));
	}
}
