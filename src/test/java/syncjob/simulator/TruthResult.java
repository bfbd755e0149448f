package syncjob.simulator;

import java.util.List;

import syncjob.lifecycle.TradeEntry;

/**
 * What a correct sync of a window must produce, per {@link GroundTruth}.
 *
 * @param trades the {@code trade_entries} rows, sorted by {@code binanceTradeId}
 * @param incompleteTradeIds lifecycles that exit in the window but start before the trade
 *        retention horizon (true ids, which the job itself cannot know), sorted
 * @param openAtToTradeIds lifecycles open at {@code to} (started before it, not closed
 *        before it), true ids regardless of retention, sorted
 * @param openPositions the {@code open_positions} rows at {@code to}, by symbol and position side
 */
public record TruthResult(List<TradeEntry> trades, List<String> incompleteTradeIds, List<String> openAtToTradeIds,
		List<TruthOpenPosition> openPositions) {

	public TruthResult {
		trades = List.copyOf(trades);
		incompleteTradeIds = List.copyOf(incompleteTradeIds);
		openAtToTradeIds = List.copyOf(openAtToTradeIds);
		openPositions = List.copyOf(openPositions);
	}
}
