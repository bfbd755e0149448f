package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the pipeline of one symbol needs.
 *
 * @param fills          lookback + window fills, all with time < to, in any order
 * @param startPositions signed position per stream before the first supplied fill (absent = 0)
 * @param funding        FUNDING_FEE records of the symbol; may start before from
 * @param ordersById     orders by id; may be empty
 */
public record SymbolInput(String account, String symbol, String quoteAsset, Instant from, Instant to,
		List<Fill> fills, Map<StreamKey, BigDecimal> startPositions, List<IncomeRecord> funding,
		Map<Long, Order> ordersById) {

	public SymbolInput {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(symbol, "symbol");
		Objects.requireNonNull(quoteAsset, "quoteAsset");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		fills = List.copyOf(fills);
		startPositions = startPositions == null ? Map.of() : Map.copyOf(startPositions);
		funding = funding == null ? List.of() : List.copyOf(funding);
		ordersById = ordersById == null ? Map.of() : Map.copyOf(ordersById);
	}
}
