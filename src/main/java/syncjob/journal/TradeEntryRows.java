package syncjob.journal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

	/**
	 * {@link #INSERT} with positional parameters, bound by {@link #bind}: the trades' batch writer
	 * sets each value straight on the statement, without looking every name up per row.
	 */
	public static final String POSITIONAL_INSERT = INSERT.replaceAll(":\\w+", "?");

	private TradeEntryRows() {
	}

	/** The insert's parameters before the detail columns', in the order {@link #parameters} gives them. */
	private static final List<String> ROW_PARAMETERS = List.of("account", "source", "binanceTradeId", "symbol",
			"direction", "positionSide", "entryTime", "exitTime", "quantity", "entryPrice", "exitPrice", "realizedPnl",
			"fees", "feeOther", "fundingFees", "netPnl", "fillCount", "maxPosition", "entryOrderType",
			"exitOrderType", "validationStatus", "warnings", "jobExecutionId");

	private static final Map<String, Integer> INDEX = index();

	public static SqlParameterSource parameters(TradeEntry t, Long jobExecutionId) {
		return new RowParameters(values(t, jobExecutionId));
	}

	/** Binds the row to {@link #POSITIONAL_INSERT}. */
	public static void bind(PreparedStatement statement, TradeEntry t, Long jobExecutionId) throws SQLException {
		Object[] values = values(t, jobExecutionId);
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			if (value == null) {
				// both databases take the type from the column
				statement.setNull(i + 1, Types.NULL);
			}
			else if (value instanceof String text) {
				statement.setString(i + 1, text);
			}
			else {
				statement.setObject(i + 1, value);
			}
		}
	}

	/** The row's values in the order of the insert's parameters. */
	private static Object[] values(TradeEntry t, Long jobExecutionId) {
		Object[] values = { t.account(), t.source(), t.binanceTradeId(), t.symbol(), t.direction().name(),
				t.positionSide().name(), Timestamps.utc(t.entryTime()), Timestamps.utc(t.exitTime()), t.quantity(),
				t.entryPrice(), t.exitPrice(), t.realizedPnl(), t.fees(), t.feeOther(), t.fundingFees(), t.netPnl(),
				t.fillCount(), t.maxPosition(), t.entryOrderType(), t.exitOrderType(), t.validationStatus().name(),
				t.warnings(), jobExecutionId };
		Object[] all = Arrays.copyOf(values, INDEX.size());
		for (int i = 0; i < DETAIL_COLUMNS.size(); i++) {
			all[values.length + i] = DETAIL_COLUMNS.get(i).valueOf(t);
		}
		return all;
	}

	/** The parameters' names in the order {@link #bind} sets them. */
	static List<String> parameterOrder() {
		String[] names = new String[INDEX.size()];
		INDEX.forEach((name, i) -> names[i] = name);
		return List.of(names);
	}

	private static Map<String, Integer> index() {
		Map<String, Integer> index = new HashMap<>();
		ROW_PARAMETERS.forEach((name) -> index.put(name, index.size()));
		DETAIL_COLUMNS.forEach((column) -> index.put(column.parameter(), index.size()));
		return Map.copyOf(index);
	}

	/**
	 * One row's values by position, named through one shared index: a map per row (a linked
	 * hash map of forty entries) was a large share of the trades' insert's allocation, and the
	 * insert runs once per trade.
	 */
	private record RowParameters(Object[] values) implements SqlParameterSource {

		@Override
		public boolean hasValue(String paramName) {
			return INDEX.containsKey(paramName);
		}

		@Override
		public Object getValue(String paramName) {
			Integer i = INDEX.get(paramName);
			if (i == null) {
				throw new IllegalArgumentException("No value for parameter '" + paramName + "'");
			}
			return this.values[i];
		}

		@Override
		public String[] getParameterNames() {
			return INDEX.keySet().toArray(String[]::new);
		}

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
