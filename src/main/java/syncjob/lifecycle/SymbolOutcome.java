package syncjob.lifecycle;

import java.util.List;

/**
 * What the pipeline made of one symbol.
 *
 * @param trades     accepted rows: closed complete lifecycles with exitTime in [from, to)
 * @param rejected   closed complete lifecycles with exitTime in [from, to) that validation rejected
 * @param open       lifecycles open at {@code to} (complete or not), with their parts before it
 * @param incomplete lifecycles closing in [from, to) whose start is beyond what Binance serves
 * @param withheld   lifecycles closing in [from, to) that a missing fill makes unprovable
 * @param gaps       the evidence of missing fills, one line each
 * @param openPositions the {@code open_positions} rows of the symbol at {@code to}, one per lifecycle
 *                   of {@code open}, in stream order
 */
public record SymbolOutcome(String symbol, List<TradeEntry> trades, List<RejectedTrade> rejected,
		List<Lifecycle> open, List<Lifecycle> incomplete, List<Lifecycle> withheld, List<FillGap> gaps,
		SymbolFigures figures, List<OpenPosition> openPositions) {

	public SymbolOutcome {
		trades = List.copyOf(trades);
		rejected = List.copyOf(rejected);
		open = List.copyOf(open);
		incomplete = List.copyOf(incomplete);
		withheld = List.copyOf(withheld);
		gaps = List.copyOf(gaps);
		openPositions = List.copyOf(openPositions);
	}
}
