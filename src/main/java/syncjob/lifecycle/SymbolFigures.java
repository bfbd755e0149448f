package syncjob.lifecycle;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-symbol sums over the reconciled span (the window [from, to), or its part from the income
 * horizon on when Binance no longer serves the income before it), for reconciliation.
 *
 * @param fillRealizedPnl       sum of realizedPnl of the fills with time in the span
 * @param fillCommissionByAsset sum of commission paid by the span's fills, per commission asset
 * @param pnlRecorded           span fill (part) PnL of accepted trades
 * @param pnlOpen               span fill (part) PnL of lifecycles open at {@code to}
 * @param pnlRejected           span fill (part) PnL of rejected trades
 * @param pnlIncomplete         span fill (part) PnL of incomplete lifecycles closing in the window
 * @param fundingAccounted      span FUNDING_FEE records: attributed shares + unattributed
 * @param fundingUnattributed   span FUNDING_FEE records with no lifecycle open
 * @param pnlWithheld           span fill (part) PnL of lifecycles withheld for a missing fill
 * @param lifecyclesWithheld    lifecycles closing in the window withheld for a missing fill
 * @param tradesFundingNotServed recorded trades whose funding is partly before the income horizon
 * @param tradesOrderNotServed  recorded trades whose entry or exit order is not served
 * @param fillGaps              the evidence of missing fills, one line each
 */
public record SymbolFigures(String symbol, String quoteAsset, BigDecimal fillRealizedPnl,
		Map<String, BigDecimal> fillCommissionByAsset, BigDecimal pnlRecorded, BigDecimal pnlOpen,
		BigDecimal pnlRejected, BigDecimal pnlIncomplete, BigDecimal fundingAccounted,
		BigDecimal fundingUnattributed, int tradesRecorded, int tradesRejected, int lifecyclesOpen,
		int lifecyclesIncomplete, BigDecimal pnlWithheld, int lifecyclesWithheld, int tradesFundingNotServed,
		int tradesOrderNotServed, List<String> fillGaps) {

	public SymbolFigures {
		fillCommissionByAsset = fillCommissionByAsset == null ? Map.of()
				: Collections.unmodifiableMap(new TreeMap<>(fillCommissionByAsset));
		pnlWithheld = pnlWithheld == null ? BigDecimal.ZERO : pnlWithheld;
		fillGaps = fillGaps == null ? List.of() : List.copyOf(fillGaps);
	}

	/** Figures of a symbol whose data was served in full. */
	public SymbolFigures(String symbol, String quoteAsset, BigDecimal fillRealizedPnl,
			Map<String, BigDecimal> fillCommissionByAsset, BigDecimal pnlRecorded, BigDecimal pnlOpen,
			BigDecimal pnlRejected, BigDecimal pnlIncomplete, BigDecimal fundingAccounted,
			BigDecimal fundingUnattributed, int tradesRecorded, int tradesRejected, int lifecyclesOpen,
			int lifecyclesIncomplete) {
		this(symbol, quoteAsset, fillRealizedPnl, fillCommissionByAsset, pnlRecorded, pnlOpen, pnlRejected,
				pnlIncomplete, fundingAccounted, fundingUnattributed, tradesRecorded, tradesRejected, lifecyclesOpen,
				lifecyclesIncomplete, BigDecimal.ZERO, 0, 0, 0, List.of());
	}
}
