package syncjob.binance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.StreamKey;

/**
 * What {@link BinanceClient#fills} needs for one symbol: the window {@code [from, to)}, the moment
 * {@code now} the current positions were read, those positions (absent = 0), and the symbol's
 * window income naming its smallest trade id (a hint for the cheapest plan; more records may be given).
 */
public record SymbolRequest(String symbol, Instant from, Instant to, Instant now,
		Map<StreamKey, BigDecimal> currentPositions, List<IncomeRecord> windowIncome) {

	public SymbolRequest {
		Objects.requireNonNull(symbol, "symbol");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(now, "now");
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("need from <= to, got " + from + " and " + to);
		}
		currentPositions = currentPositions == null ? Map.of() : Map.copyOf(currentPositions);
		windowIncome = windowIncome == null ? List.of() : List.copyOf(windowIncome);
	}
}
