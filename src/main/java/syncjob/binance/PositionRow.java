package syncjob.binance;

import java.math.BigDecimal;

import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.PositionSnapshot;

/** A row of {@code GET /fapi/v3/positionRisk}; {@code positionAmt} is signed. */
record PositionRow(String symbol, PositionSide positionSide, BigDecimal positionAmt, BigDecimal entryPrice,
		Long updateTime) {

	PositionSnapshot toSnapshot() {
		return new PositionSnapshot(RowFields.require(symbol, "symbol"), RowFields.require(positionSide, "positionSide"),
				RowFields.require(positionAmt, "positionAmt"), entryPrice, RowFields.instant(updateTime));
	}
}
