package syncjob.lifecycle;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-symbol sums over the window [from, to) only, for reconciliation. Plain values only
 * (and Serializable): the job persists it between steps.
 *
 * @param fillRealizedPnl       sum of realizedPnl of the fills with time in the window
 * @param fillCommissionByAsset sum of commission of the window's fills, per commission asset
 * @param pnlRecorded           window fill (part) PnL of accepted trades
 * @param pnlOpen               window fill (part) PnL of lifecycles still open
 * @param pnlRejected           window fill (part) PnL of rejected trades
 * @param pnlIncomplete         window fill (part) PnL of incomplete lifecycles closing in the window
 * @param fundingAccounted      window FUNDING_FEE records: attributed shares + unattributed
 * @param fundingUnattributed   window FUNDING_FEE records with no lifecycle open
 */
public record SymbolFigures(String symbol, String quoteAsset, BigDecimal fillRealizedPnl,
		Map<String, BigDecimal> fillCommissionByAsset, BigDecimal pnlRecorded, BigDecimal pnlOpen,
		BigDecimal pnlRejected, BigDecimal pnlIncomplete, BigDecimal fundingAccounted,
		BigDecimal fundingUnattributed, int tradesRecorded, int tradesRejected, int lifecyclesOpen,
		int lifecyclesIncomplete) implements Serializable {

	public SymbolFigures {
		fillCommissionByAsset = fillCommissionByAsset == null ? Map.of()
				: Collections.unmodifiableMap(new TreeMap<>(fillCommissionByAsset));
	}
}
