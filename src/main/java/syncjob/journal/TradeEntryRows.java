package syncjob.journal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

	private final NamedParameterJdbcTemplate jdbc;

	public TradeEntryRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
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

	/** Which of these trade ids the account already has: the ones an insert will skip. */
	public Set<String> existing(String account, Collection<String> tradeIds) {
		Set<String> found = new HashSet<>();
		List<String> ids = List.copyOf(tradeIds);
		for (int start = 0; start < ids.size(); start += 500) {
			List<String> slice = ids.subList(start, Math.min(ids.size(), start + 500));
			found.addAll(this.jdbc.queryForList(
					"SELECT binance_trade_id FROM trade_entries WHERE account = :account AND binance_trade_id IN (:ids)",
					new MapSqlParameterSource("account", account).addValue("ids", slice), String.class));
		}
		return Set.copyOf(found);
	}

}
