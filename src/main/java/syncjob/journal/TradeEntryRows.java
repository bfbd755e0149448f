package syncjob.journal;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import syncjob.lifecycle.TradeDetails;
import syncjob.lifecycle.TradeEntry;

/**
 * The {@code trade_entries} insert. {@code ON CONFLICT DO NOTHING} without a conflict target
 * is the one form PostgreSQL and H2 (PostgreSQL mode) both accept; the unique key
 * {@code (account, binance_trade_id)} makes every insert idempotent. A row without details
 * leaves the section 3b columns null.
 */
public final class TradeEntryRows {

	/** The section 3b columns, as {@link TradeDetailsBackfill} fills them on rows that lack them. */
	static final List<DetailColumn> DETAIL_COLUMNS = List.of(
			new DetailColumn("quote_asset", "quoteAsset", TradeDetails::quoteAsset, false),
			new DetailColumn("hold_seconds", "holdSeconds", TradeDetails::holdSeconds, false),
			new DetailColumn("entry_notional", "entryNotional", TradeDetails::entryNotional, false),
			new DetailColumn("exit_notional", "exitNotional", TradeDetails::exitNotional, false),
			new DetailColumn("net_return_pct", "netReturnPct", TradeDetails::netReturnPct, true),
			new DetailColumn("result", "result", d -> d.result().name(), true),
			new DetailColumn("maker_ratio", "makerRatio", TradeDetails::makerRatio, false),
			new DetailColumn("close_reason", "closeReason",
					d -> d.closeReason() == null ? null : d.closeReason().name(), false),
			new DetailColumn("fee_other_quote", "feeOtherQuote", TradeDetails::feeOtherQuote, false),
			new DetailColumn("net_pnl_all_fees", "netPnlAllFees", TradeDetails::netPnlAllFees, true),
			new DetailColumn("excursion_interval", "excursionInterval",
					d -> d.excursionInterval() == null ? null : d.excursionInterval().code(), false),
			new DetailColumn("mae_price", "maePrice", TradeDetails::maePrice, false),
			new DetailColumn("mfe_price", "mfePrice", TradeDetails::mfePrice, false),
			new DetailColumn("mae_pct", "maePct", TradeDetails::maePct, false),
			new DetailColumn("mfe_pct", "mfePct", TradeDetails::mfePct, false));

	public static final String INSERT = """
			INSERT INTO trade_entries (account, source, binance_trade_id, symbol, direction, position_side,
			    entry_time, exit_time, quantity, entry_price, exit_price, realized_pnl, fees, fee_other,
			    funding_fees, net_pnl, fill_count, max_position, entry_order_type, exit_order_type,
			    validation_status, warnings, job_execution_id, %s)
			VALUES (:account, :source, :binanceTradeId, :symbol, :direction, :positionSide,
			    :entryTime, :exitTime, :quantity, :entryPrice, :exitPrice, :realizedPnl, :fees, :feeOther,
			    :fundingFees, :netPnl, :fillCount, :maxPosition, :entryOrderType, :exitOrderType,
			    :validationStatus, :warnings, :jobExecutionId, %s)
			ON CONFLICT DO NOTHING""".formatted(
			String.join(", ", DETAIL_COLUMNS.stream().map(DetailColumn::column).toList()),
			String.join(", ", DETAIL_COLUMNS.stream().map(c -> ":" + c.parameter()).toList()));

	private TradeEntryRows() {
	}

	public static SqlParameterSource parameters(TradeEntry t, Long jobExecutionId) {
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("account", t.account())
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
		for (DetailColumn column : DETAIL_COLUMNS) {
			parameters.addValue(column.parameter(), column.valueOf(t));
		}
		return parameters;
	}

	/**
	 * One section 3b column and how a row's details give its value.
	 *
	 * @param followsNetPnl whether the value is computed from {@code net_pnl}: a backfill fills it
	 *                      only where the stored net PnL is the one it was computed from
	 */
	record DetailColumn(String column, String parameter, Function<TradeDetails, Object> value,
			boolean followsNetPnl) {

		/** The column's value for the row: null when the row has no details. */
		Object valueOf(TradeEntry t) {
			return t.details() == null ? null : value.apply(t.details());
		}

		/** Whether the value of this column for the row follows from the given stored net PnL. */
		boolean fits(TradeEntry t, BigDecimal storedNetPnl) {
			return !followsNetPnl || storedNetPnl != null && storedNetPnl.compareTo(t.netPnl()) == 0;
		}

	}

}
