package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of {@code trade_entries}: a closed position lifecycle, every column of the
 * contract's section 3, and the columns of section 3b in {@code details}. {@code feeOther},
 * {@code warnings} and the order types are null when there is nothing to say; {@code details}
 * is null for a row built without them (as an older version wrote it).
 */
public record TradeEntry(String account, String source, String binanceTradeId, String symbol, Direction direction,
		PositionSide positionSide, Instant entryTime, Instant exitTime, BigDecimal quantity, BigDecimal entryPrice,
		BigDecimal exitPrice, BigDecimal realizedPnl, BigDecimal fees, String feeOther, BigDecimal fundingFees,
		BigDecimal netPnl, int fillCount, BigDecimal maxPosition, String entryOrderType, String exitOrderType,
		ValidationStatus validationStatus, String warnings, TradeDetails details) {

	public static final String SOURCE_BINANCE = "binance";

	/** The section 3 row without its details. */
	public TradeEntry(String account, String source, String binanceTradeId, String symbol, Direction direction,
			PositionSide positionSide, Instant entryTime, Instant exitTime, BigDecimal quantity, BigDecimal entryPrice,
			BigDecimal exitPrice, BigDecimal realizedPnl, BigDecimal fees, String feeOther, BigDecimal fundingFees,
			BigDecimal netPnl, int fillCount, BigDecimal maxPosition, String entryOrderType, String exitOrderType,
			ValidationStatus validationStatus, String warnings) {
		this(account, source, binanceTradeId, symbol, direction, positionSide, entryTime, exitTime, quantity,
				entryPrice, exitPrice, realizedPnl, fees, feeOther, fundingFees, netPnl, fillCount, maxPosition,
				entryOrderType, exitOrderType, validationStatus, warnings, null);
	}

	/** {@code {symbol}-{direction}-{id of the lifecycle's first fill}}, e.g. {@code BTCUSDT-LONG-5123}. */
	public static String tradeId(String symbol, Direction direction, long firstFillId) {
		return symbol + "-" + direction + "-" + firstFillId;
	}

	/** This row with the validation outcome set, every other column unchanged. */
	public TradeEntry withValidation(ValidationStatus status, String warningText) {
		return new TradeEntry(account, source, binanceTradeId, symbol, direction, positionSide, entryTime, exitTime,
				quantity, entryPrice, exitPrice, realizedPnl, fees, feeOther, fundingFees, netPnl, fillCount,
				maxPosition, entryOrderType, exitOrderType, status, warningText, details);
	}

	/** This row with its section 3b columns, every other column unchanged. */
	public TradeEntry withDetails(TradeDetails tradeDetails) {
		return new TradeEntry(account, source, binanceTradeId, symbol, direction, positionSide, entryTime, exitTime,
				quantity, entryPrice, exitPrice, realizedPnl, fees, feeOther, fundingFees, netPnl, fillCount,
				maxPosition, entryOrderType, exitOrderType, validationStatus, warnings, tradeDetails);
	}
}
