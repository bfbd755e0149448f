package syncjob.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.TradeEntry;

/**
 * The independent oracle for end-to-end tests: the rows a correct sync of a window must
 * insert, computed from the contract's rules stated literally and from the whole account
 * (what the exchange knows), sharing no code with the job. What the exchange serves at sync
 * time bounds what the rows can hold: fills and orders by the options' retentions at
 * {@code now}, funding by {@code incomeServedFrom}, the time of the oldest income record the
 * exchange served (tests on the real clock bracket it, since records age out during a run).
 */
public final class GroundTruth {

	private GroundTruth() {
	}

	/**
	 * Expected {@code trade_entries} rows for a sync of [from, to) at exchange time {@code now}:
	 * lifecycles exiting in the window, except those whose first fill is older than the trade
	 * retention (listed as incomplete); funding from each lifecycle's start, over the records at
	 * or after {@code incomeServedFrom}; order types only with {@code includeOrders} and for
	 * orders the exchange still serves.
	 */
	public static TruthResult expected(SimulatedAccount account, String accountName, Instant from, Instant to,
			Instant now, SimulatorOptions options, Instant incomeServedFrom, boolean includeOrders) {
		return expected(account, accountName, from, to, now, options, incomeServedFrom, includeOrders,
				TruthKlines.servedBy(account, options, now));
	}

	/**
	 * {@link #expected} for a sync reading {@code klines}: the section 3b columns of every row,
	 * and the warnings of what of them was not served.
	 */
	public static TruthResult expected(SimulatedAccount account, String accountName, Instant from, Instant to,
			Instant now, SimulatorOptions options, Instant incomeServedFrom, boolean includeOrders,
			TruthKlines klines) {
		Instant tradeHorizon = options.tradeRetention().horizon(now);
		Map<String, String> quoteAssets = account.symbols().stream()
			.collect(Collectors.toMap(SymbolSpec::symbol, SymbolSpec::quoteAsset, (a, b) -> a));
		List<TruthLifecycle> lifecycles = TruthLifecycles.of(account.fills());
		Map<String, BigDecimal> funding = TruthFunding.attribute(lifecycles, account.income(), incomeServedFrom);
		TruthOrderTypes orderTypes = new TruthOrderTypes(account.orders(), includeOrders, now,
				options.orderRetention().horizon(now));
		List<TradeEntry> trades = new ArrayList<>();
		List<String> incomplete = new ArrayList<>();
		List<String> openAtTo = new ArrayList<>();
		for (TruthLifecycle lifecycle : lifecycles) {
			if (lifecycle.entryTime().isBefore(to) && (!lifecycle.closed() || !lifecycle.exitTime().isBefore(to))) {
				openAtTo.add(lifecycle.tradeId());
			}
			if (!lifecycle.closed() || lifecycle.exitTime().isBefore(from) || !lifecycle.exitTime().isBefore(to)) {
				continue;
			}
			if (lifecycle.entryTime().isBefore(tradeHorizon)) {
				incomplete.add(lifecycle.tradeId());
				continue;
			}
			trades.add(TruthRows.row(lifecycle, accountName, quoteAsset(quoteAssets, lifecycle),
					funding.getOrDefault(lifecycle.tradeId(), BigDecimal.ZERO), orderTypes, incomeServedFrom, klines));
		}
		trades.sort(Comparator.comparing(TradeEntry::binanceTradeId));
		incomplete.sort(Comparator.naturalOrder());
		openAtTo.sort(Comparator.naturalOrder());
		List<TruthOpenPosition> openPositions = TruthOpenPositions.at(to, lifecycles, account.income(),
				incomeServedFrom, tradeHorizon, quoteAssets);
		return new TruthResult(trades, incomplete, openAtTo, openPositions);
	}

	/** {@link #expected} with the income horizon the exchange's rule gives at {@code now}. */
	public static TruthResult expected(SimulatedAccount account, String accountName, Instant from, Instant to,
			Instant now, SimulatorOptions options, boolean includeOrders) {
		return expected(account, accountName, from, to, now, options, incomeServedFrom(account, now, options),
				includeOrders);
	}

	/**
	 * The time of the oldest income record (any type, any symbol) the exchange serves at
	 * {@code now}: the first at or after the income retention's horizon and not after now; the
	 * horizon itself when none is served (then no funding is counted either way).
	 */
	public static Instant incomeServedFrom(SimulatedAccount account, Instant now, SimulatorOptions options) {
		Instant horizon = options.incomeRetention().horizon(now);
		return account.income().stream()
			.map(IncomeRecord::time)
			.filter(time -> !time.isBefore(horizon) && !time.isAfter(now))
			.min(Comparator.naturalOrder())
			.orElse(horizon);
	}

	private static String quoteAsset(Map<String, String> quoteAssets, TruthLifecycle lifecycle) {
		String quote = quoteAssets.get(lifecycle.stream().symbol());
		if (quote == null) {
			throw new IllegalArgumentException("no SymbolSpec for " + lifecycle.stream().symbol()
					+ ": the account must list every traded symbol");
		}
		return quote;
	}
}
