package syncjob.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import syncjob.lifecycle.ReconciliationReport;
import syncjob.lifecycle.ReconciliationRow;
import syncjob.lifecycle.SymbolFigures;

/** One plain line per kind of data Binance did not serve, under the reconciliation table. */
final class GapLines {

	private GapLines() {
	}

	/** @param servedFrom where Binance's income begins, when the sync needed income that old */
	static List<String> of(ReconciliationReport report, List<SymbolFigures> figures, Instant from,
			Optional<Instant> servedFrom) {
		ReconciliationRow total = report.total();
		List<String> lines = new ArrayList<>();
		servedFrom.filter(from::isBefore).ifPresent((horizon) -> lines.add("Income before " + horizon
				+ " not served by Binance (it keeps about three months): the window is reconciled from " + horizon
				+ "; symbols traded only before it are synced only if listed in sync.symbols"));
		if (total.tradesFundingNotServed() > 0) {
			lines.add("Funding before " + servedFrom.map(Instant::toString).orElse("the income horizon")
					+ " not served by Binance: " + total.tradesFundingNotServed()
					+ " trades carry a FUNDING_NOT_SERVED warning");
		}
		if (total.tradesOrderNotServed() > 0) {
			lines.add("Orders not served by Binance (it keeps about 90 days): " + total.tradesOrderNotServed()
					+ " trades carry an ORDER_NOT_SERVED warning and no order type");
		}
		if (total.lifecyclesIncomplete() > 0) {
			lines.add("Fills before what Binance serves: " + total.lifecyclesIncomplete()
					+ " lifecycles closing in the window started earlier and are not recorded (incomplete)");
		}
		for (SymbolFigures symbol : figures) {
			for (String gap : symbol.fillGaps()) {
				lines.add(symbol.symbol() + ": a fill is missing from what Binance served (" + gap + "): "
						+ symbol.lifecyclesWithheld() + " lifecycles withheld, not recorded");
			}
		}
		return lines;
	}

}
