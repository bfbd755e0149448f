package syncjob.journal;

import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import syncjob.lifecycle.RejectedTrade;

/** Trades that validation rejected, with their reasons, for the run's report. */
public final class RejectedTradesStore {

	private final NamedParameterJdbcTemplate jdbc;

	public RejectedTradesStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void save(long jobInstanceId, RejectedTrade rejected) {
		var t = rejected.entry();
		this.jdbc.update("""
				INSERT INTO sync_rejected_trades (job_instance_id, binance_trade_id, account, symbol, entry_time,
				    exit_time, realized_pnl, reasons)
				VALUES (:instance, :tradeId, :account, :symbol, :entryTime, :exitTime, :pnl, :reasons)
				ON CONFLICT DO NOTHING""",
				new MapSqlParameterSource("instance", jobInstanceId).addValue("tradeId", t.binanceTradeId())
					.addValue("account", t.account())
					.addValue("symbol", t.symbol())
					.addValue("entryTime", Timestamps.utc(t.entryTime()))
					.addValue("exitTime", Timestamps.utc(t.exitTime()))
					.addValue("pnl", t.realizedPnl())
					.addValue("reasons", String.join("; ", rejected.errors())));
	}

	/** "tradeId: reasons" lines of the job instance, for the report. */
	public List<String> describe(long jobInstanceId) {
		return List.copyOf(this.jdbc.query(
				"SELECT binance_trade_id, reasons FROM sync_rejected_trades WHERE job_instance_id = :instance ORDER BY binance_trade_id",
				new MapSqlParameterSource("instance", jobInstanceId),
				(rs, i) -> rs.getString("binance_trade_id") + ": " + rs.getString("reasons")));
	}

}
