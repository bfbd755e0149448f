package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the pipeline of one symbol needs.
 *
 * @param now            when the fills were read: fills are given up to it
 * @param fills          lookback fills and every fill since from, time &lt; now, in any order, with
 *                       commissions as Binance served them
 * @param startPositions signed position per stream before the first supplied fill (absent = 0)
 * @param income         the symbol's income as served: FUNDING_FEE (may start before from) and the
 *                       REALIZED_PNL and COMMISSION records of the span the fills cover
 * @param fillsCompleteFrom every fill from this time on was fetched
 * @param served         orders, and where Binance stopped serving
 * @param klines         the klines the detail columns are valued with (both uses off when null)
 */
public record SymbolInput(String account, String symbol, String quoteAsset, Instant from, Instant to, Instant now,
		List<Fill> fills, Map<StreamKey, BigDecimal> startPositions, List<IncomeRecord> income,
		Instant fillsCompleteFrom, ServedData served, ServedKlines klines) {

	public SymbolInput {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(symbol, "symbol");
		Objects.requireNonNull(quoteAsset, "quoteAsset");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(now, "now");
		Objects.requireNonNull(fillsCompleteFrom, "fillsCompleteFrom");
		fills = List.copyOf(fills);
		startPositions = startPositions == null ? Map.of() : Map.copyOf(startPositions);
		income = income == null ? List.of() : List.copyOf(income);
		served = served == null ? ServedData.orders(Map.of()) : served;
		klines = klines == null ? ServedKlines.off() : klines;
	}

	/** The inputs without klines: the detail columns that need them are left null without a warning. */
	public SymbolInput(String account, String symbol, String quoteAsset, Instant from, Instant to, Instant now,
			List<Fill> fills, Map<StreamKey, BigDecimal> startPositions, List<IncomeRecord> income,
			Instant fillsCompleteFrom, ServedData served) {
		this(account, symbol, quoteAsset, from, to, now, fills, startPositions, income, fillsCompleteFrom, served,
				ServedKlines.off());
	}

	/**
	 * Fills up to {@code to}, funding income, orders as given: the inputs of a window whose data
	 * was served in full.
	 */
	public SymbolInput(String account, String symbol, String quoteAsset, Instant from, Instant to, List<Fill> fills,
			Map<StreamKey, BigDecimal> startPositions, List<IncomeRecord> funding, Map<Long, Order> ordersById) {
		this(account, symbol, quoteAsset, from, to, to, fills, startPositions, funding, Instant.MAX,
				ServedData.orders(ordersById), ServedKlines.off());
	}

}
