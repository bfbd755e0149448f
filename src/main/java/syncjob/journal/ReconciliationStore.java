package syncjob.journal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import syncjob.lifecycle.ReconciliationReport;
import syncjob.lifecycle.ReconciliationRow;

/** Stores a run's reconciliation report in {@code sync_reconciliation}, one row per symbol and TOTAL. */
public final class ReconciliationStore {

	private final NamedParameterJdbcTemplate jdbc;

	public ReconciliationStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** @param incomeServedFrom where Binance's income begins, when it begins inside the window */
	public void save(long executionId, String account, Instant from, Instant to, Instant incomeServedFrom,
			ReconciliationReport report) {
		List<ReconciliationRow> rows = new ArrayList<>(report.symbols());
		rows.add(report.total());
		this.jdbc.update("DELETE FROM sync_reconciliation WHERE job_execution_id = :id",
				new MapSqlParameterSource("id", executionId));
		for (ReconciliationRow r : rows) {
			this.jdbc.update("""
					INSERT INTO sync_reconciliation (job_execution_id, symbol, account, window_from, window_to,
					    income_realized_pnl, fill_realized_pnl, realized_pnl_diff, income_commission, fill_commission,
					    commission_diff, commission_other, income_funding, funding_accounted, funding_diff,
					    funding_unattributed, pnl_recorded, pnl_open, pnl_rejected, pnl_incomplete, trades_recorded,
					    trades_rejected, lifecycles_open, lifecycles_incomplete, reconciled, income_served_from,
					    pnl_withheld, lifecycles_withheld, trades_funding_not_served, trades_order_not_served,
					    income_insurance_clear)
					VALUES (:id, :symbol, :account, :from, :to, :incomePnl, :fillPnl, :pnlDiff, :incomeCommission,
					    :fillCommission, :commissionDiff, :commissionOther, :incomeFunding, :fundingAccounted,
					    :fundingDiff, :fundingUnattributed, :pnlRecorded, :pnlOpen, :pnlRejected, :pnlIncomplete,
					    :tradesRecorded, :tradesRejected, :lifecyclesOpen, :lifecyclesIncomplete, :reconciled,
					    :incomeServedFrom, :pnlWithheld, :lifecyclesWithheld, :fundingNotServed, :orderNotServed,
					    :insuranceClear)""",
					new MapSqlParameterSource("id", executionId).addValue("symbol", r.symbol())
						.addValue("account", account)
						.addValue("from", Timestamps.utc(from))
						.addValue("to", Timestamps.utc(to))
						.addValue("incomePnl", r.incomeRealizedPnl())
						.addValue("fillPnl", r.fillRealizedPnl())
						.addValue("pnlDiff", r.realizedPnlDiff())
						.addValue("incomeCommission", r.incomeCommission())
						.addValue("fillCommission", r.fillCommission())
						.addValue("commissionDiff", r.commissionDiff())
						.addValue("commissionOther", r.commissionOther())
						.addValue("incomeFunding", r.incomeFunding())
						.addValue("fundingAccounted", r.fundingAccounted())
						.addValue("fundingDiff", r.fundingDiff())
						.addValue("fundingUnattributed", r.fundingUnattributed())
						.addValue("pnlRecorded", r.pnlRecorded())
						.addValue("pnlOpen", r.pnlOpen())
						.addValue("pnlRejected", r.pnlRejected())
						.addValue("pnlIncomplete", r.pnlIncomplete())
						.addValue("tradesRecorded", r.tradesRecorded())
						.addValue("tradesRejected", r.tradesRejected())
						.addValue("lifecyclesOpen", r.lifecyclesOpen())
						.addValue("lifecyclesIncomplete", r.lifecyclesIncomplete())
						.addValue("reconciled", r.reconciled())
						.addValue("incomeServedFrom", incomeServedFrom == null ? null : Timestamps.utc(incomeServedFrom))
						.addValue("pnlWithheld", r.pnlWithheld())
						.addValue("lifecyclesWithheld", r.lifecyclesWithheld())
						.addValue("fundingNotServed", r.tradesFundingNotServed())
						.addValue("orderNotServed", r.tradesOrderNotServed())
						.addValue("insuranceClear", r.incomeInsuranceClear()));
		}
	}

	/** The latest execution of the account with a stored reconciliation. */
	public Optional<Long> latest(String account) {
		return Optional.ofNullable(this.jdbc.queryForObject(
				"SELECT MAX(job_execution_id) FROM sync_reconciliation WHERE account = :account",
				new MapSqlParameterSource("account", account), Long.class));
	}

	/** The report stored for an execution, rows by symbol with the total last. */
	public Optional<Stored> load(long executionId) {
		List<Stored> heads = this.jdbc.query("""
				SELECT account, window_from, window_to, income_served_from FROM sync_reconciliation
				WHERE job_execution_id = :id AND symbol = 'TOTAL'""", new MapSqlParameterSource("id", executionId),
				(rs, i) -> new Stored(executionId, rs.getString("account"), Timestamps.instant(rs, "window_from"),
						Timestamps.instant(rs, "window_to"), Optional.ofNullable(Timestamps.instant(rs,
								"income_served_from")), null));
		if (heads.isEmpty()) {
			return Optional.empty();
		}
		List<ReconciliationRow> rows = this.jdbc.query(
				"SELECT * FROM sync_reconciliation WHERE job_execution_id = :id ORDER BY symbol",
				new MapSqlParameterSource("id", executionId), (rs, i) -> row(rs));
		ReconciliationRow total = rows.stream().filter((r) -> r.symbol().equals(ReconciliationRow.TOTAL)).findFirst()
			.orElseThrow();
		List<ReconciliationRow> symbols = rows.stream().filter((r) -> r != total).toList();
		Stored head = heads.get(0);
		return Optional.of(new Stored(executionId, head.account(), head.from(), head.to(), head.incomeServedFrom(),
				new ReconciliationReport(symbols, total)));
	}

	private static ReconciliationRow row(ResultSet rs) throws SQLException {
		return new ReconciliationRow(rs.getString("symbol"), rs.getBigDecimal("income_realized_pnl"),
				rs.getBigDecimal("fill_realized_pnl"), rs.getBigDecimal("realized_pnl_diff"),
				rs.getBigDecimal("income_commission"), rs.getBigDecimal("fill_commission"),
				rs.getBigDecimal("commission_diff"), rs.getString("commission_other"),
				rs.getBigDecimal("income_funding"), rs.getBigDecimal("funding_accounted"),
				rs.getBigDecimal("funding_diff"), rs.getBigDecimal("funding_unattributed"),
				rs.getBigDecimal("pnl_recorded"), rs.getBigDecimal("pnl_open"), rs.getBigDecimal("pnl_rejected"),
				rs.getBigDecimal("pnl_incomplete"), rs.getInt("trades_recorded"), rs.getInt("trades_rejected"),
				rs.getInt("lifecycles_open"), rs.getInt("lifecycles_incomplete"), zeroIfNull(rs, "pnl_withheld"),
				rs.getInt("lifecycles_withheld"), rs.getInt("trades_funding_not_served"),
				rs.getInt("trades_order_not_served"), zeroIfNull(rs, "income_insurance_clear"),
				rs.getBoolean("reconciled"));
	}

	private static BigDecimal zeroIfNull(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return value == null ? BigDecimal.ZERO : value;
	}

	/** A stored reconciliation and the window it covers. */
	public record Stored(long executionId, String account, Instant from, Instant to,
			Optional<Instant> incomeServedFrom, ReconciliationReport report) {
	}

}
