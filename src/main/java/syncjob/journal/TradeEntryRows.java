package syncjob.journal;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import syncjob.lifecycle.TradeEntry;

/**
 * The {@code trade_entries} insert. {@code ON CONFLICT DO NOTHING} without a conflict target
 * is the one form PostgreSQL and H2 (PostgreSQL mode) both accept; the unique key
 * {@code (account, binance_trade_id)} makes every insert idempotent.
 */
public final class TradeEntryRows {

	public static final String INSERT = """
			INSERT INTO trade_entries (account, source, binance_trade_id, symbol, direction, position_side,
			    entry_time, exit_time, quantity, entry_price, exit_price, realized_pnl, fees, fee_other,
			    funding_fees, net_pnl, fill_count, max_position, entry_order_type, exit_order_type,
			    validation_status, warnings, job_execution_id)
			VALUES (:account, :source, :binanceTradeId, :symbol, :direction, :positionSide,
			    :entryTime, :exitTime, :quantity, :entryPrice, :exitPrice, :realizedPnl, :fees, :feeOther,
			    :fundingFees, :netPnl, :fillCount, :maxPosition, :entryOrderType, :exitOrderType,
			    :validationStatus, :warnings, :jobExecutionId)
			ON CONFLICT DO NOTHING""";

	private TradeEntryRows() {
	}

	public static SqlParameterSource parameters(TradeEntry t, Long jobExecutionId) {
		return new MapSqlParameterSource().addValue("account", t.account())
			.addValue("source", t.source())
			.addValue("binanceTradeId", t.binanceTradeId())
			.addValue("symbol", t.symbol())
			.addValue("direction", t.direction().name())
			.addValue("positionSide", t.positionSide().name())
			.addValue("entryTime", Timestamps.utc(t.entryTime()))
			.addValue("exitTime", Timestamps.utc(t.exitTime()))
			.addValue("quantity", t.quantity())
			.addValue("entryPrice", t.entryPrice())
			.addValue("exitPrice", t.exitPrice())
			.addValue("realizedPnl", t.realizedPnl())
			.addValue("fees", t.fees())
			.addValue("feeOther", t.feeOther())
			.addValue("fundingFees", t.fundingFees())
			.addValue("netPnl", t.netPnl())
			.addValue("fillCount", t.fillCount())
			.addValue("maxPosition", t.maxPosition())
			.addValue("entryOrderType", t.entryOrderType())
			.addValue("exitOrderType", t.exitOrderType())
			.addValue("validationStatus", t.validationStatus().name())
			.addValue("warnings", t.warnings())
			.addValue("jobExecutionId", jobExecutionId);
	}

}
