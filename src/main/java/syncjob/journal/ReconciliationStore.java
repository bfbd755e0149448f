package syncjob.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

}
