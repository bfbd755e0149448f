package syncjob.binance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.StreamKey;

/**
 * One symbol's fills as served, with what is known of their completeness.
 *
 * @param fills the lookback fills of streams open at {@code from} and every fill from {@code from}
 * up to the moment the positions were read, sorted by (time, id); commissions as Binance served them
 * @param startPositions per stream, the signed position before its first returned fill (absent = 0):
 * non-zero when the lookback did not find a lifecycle's start, and when the lifecycle open at
 * {@code from} began with a one-way flip (the first returned fill closes an earlier position)
 * @param incomeBeforeFrom the symbol's income of every type from the lookback's start to {@code from}
 * (empty when flat at {@code from}): funding of the lifecycles open then, and their trade income
 * @param completeFrom every fill from this time on was fetched (the lookback's reach, or {@code from})
 * @param lookbackIncomplete the lookback reached what Binance serves before a lifecycle's start
 * @param notes what the plan had to do differently from the cheapest plan, for the log
 */
public record SymbolFills(String symbol, List<Fill> fills, Map<StreamKey, BigDecimal> startPositions,
		List<IncomeRecord> incomeBeforeFrom, Instant completeFrom, boolean lookbackIncomplete, List<String> notes,
		int calls, int weight) {

	public SymbolFills {
		fills = List.copyOf(fills);
		startPositions = Map.copyOf(startPositions);
		incomeBeforeFrom = List.copyOf(incomeBeforeFrom);
		notes = List.copyOf(notes);
	}

}
