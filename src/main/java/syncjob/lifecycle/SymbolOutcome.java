package syncjob.lifecycle;

import java.util.List;

/**
 * What the pipeline made of one symbol.
 *
 * @param trades     accepted rows: closed complete lifecycles with exitTime in [from, to)
 * @param rejected   closed complete lifecycles with exitTime in [from, to) that validation rejected
 * @param open       lifecycles still open at the last fill (complete or not)
 * @param incomplete lifecycles closing in [from, to) whose start is unknown
 */
public record SymbolOutcome(String symbol, List<TradeEntry> trades, List<RejectedTrade> rejected,
		List<Lifecycle> open, List<Lifecycle> incomplete, SymbolFigures figures) {

	public SymbolOutcome {
		trades = List.copyOf(trades);
		rejected = List.copyOf(rejected);
		open = List.copyOf(open);
		incomplete = List.copyOf(incomplete);
	}
}
