package syncjob.lifecycle;

import java.math.BigDecimal;

/**
 * One line of the reconciliation report: a symbol, or the total ({@code symbol} = "TOTAL").
 * Each diff is the income side minus the fill (or accounted) side. Commission columns are in
 * the symbol's quote asset, the income side as a positive cost ({@code -sum(COMMISSION)});
 * {@code commissionOther} lists the non-quote assets with a difference (e.g. "BNB:0.0001"),
 * null if none. {@code lifecyclesWithheld} lifecycles were not recorded because a fill is missing
 * from what Binance served; {@code tradesFundingNotServed} and {@code tradesOrderNotServed}
 * recorded trades carry a warning that Binance did not serve their funding (or order types).
 * {@code incomeInsuranceClear} is the INSURANCE_CLEAR income of the window (what liquidations
 * paid to the insurance fund, negative = paid): reported, never a difference, since no fill or
 * trade column holds it.
 */
public record ReconciliationRow(String symbol, BigDecimal incomeRealizedPnl, BigDecimal fillRealizedPnl,
		BigDecimal realizedPnlDiff, BigDecimal incomeCommission, BigDecimal fillCommission,
		BigDecimal commissionDiff, String commissionOther, BigDecimal incomeFunding, BigDecimal fundingAccounted,
		BigDecimal fundingDiff, BigDecimal fundingUnattributed, BigDecimal pnlRecorded, BigDecimal pnlOpen,
		BigDecimal pnlRejected, BigDecimal pnlIncomplete, int tradesRecorded, int tradesRejected,
		int lifecyclesOpen, int lifecyclesIncomplete, BigDecimal pnlWithheld, int lifecyclesWithheld,
		int tradesFundingNotServed, int tradesOrderNotServed, BigDecimal incomeInsuranceClear, boolean reconciled) {

	public static final String TOTAL = "TOTAL";
}
