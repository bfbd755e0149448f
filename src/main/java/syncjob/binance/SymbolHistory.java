package syncjob.binance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.StreamKey;

/**
 * Everything one symbol needs to turn its fills into lifecycles.
 *
 * @param fills the lookback fills of streams open at {@code from} and every fill of the window,
 * time &lt; {@code to}, sorted by (time, id)
 * @param startPositions per stream, the signed position before its first returned fill (absent =
 * 0). Non-zero when the lookback hit trade retention ({@code lookbackIncomplete}), and also when
 * the lifecycle open at {@code from} began with a one-way flip: the first returned fill then
 * closes an earlier position and opens the lifecycle, and splitting it needs the position before it
 * @param fundingBeforeFrom the symbol's FUNDING_FEE income from the earliest start of a lifecycle
 * open at {@code from} (bounded by income retention) up to {@code from}; empty when flat at
 * {@code from}
 * @param ordersById the orders the fills reference, as far as retention serves them; empty when
 * orders were not requested
 * @param lookbackIncomplete trade retention cut the lookback before a lifecycle's start was found
 */
public record SymbolHistory(String symbol, List<Fill> fills, Map<StreamKey, BigDecimal> startPositions,
		List<IncomeRecord> fundingBeforeFrom, Map<Long, Order> ordersById, boolean lookbackIncomplete, int calls,
		int weight) {

	public SymbolHistory {
		fills = List.copyOf(fills);
		startPositions = Map.copyOf(startPositions);
		fundingBeforeFrom = List.copyOf(fundingBeforeFrom);
		ordersById = Map.copyOf(ordersById);
	}
}
