package syncjob.simulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import syncjob.lifecycle.TradeEntry;

/**
 * The independent oracle for end-to-end tests: the rows a correct sync of a window must
 * insert, computed from the contract's rules stated literally and from the whole account
 * (what the exchange knows), sharing no code with the job.
 */
public final class GroundTruth {

	/** Binance serves orders for about three months, independently of the income horizon. */
	static final Duration ORDER_RETENTION = Duration.ofDays(90);

	private GroundTruth() {
	}

	/**
	 * Expected {@code trade_entries} rows for a sync of [from, to) at exchange time {@code now}:
	 * lifecycles exiting in the window, except those whose first fill is older than
	 * {@code now - tradeRetentionDays} (listed as incomplete); funding counted from
	 * {@code now - incomeRetentionDays} on; order types only with {@code includeOrders} and
	 * for orders younger than 90 days.
	 */
	public static TruthResult expected(SimulatedAccount account, String accountName, Instant from, Instant to,
			Instant now, int tradeRetentionDays, int incomeRetentionDays, boolean includeOrders) {
		Instant tradeHorizon = now.minus(Duration.ofDays(tradeRetentionDays));
		Instant incomeHorizon = now.minus(Duration.ofDays(incomeRetentionDays));
		Map<String, String> quoteAssets = account.symbols().stream()
			.collect(Collectors.toMap(SymbolSpec::symbol, SymbolSpec::quoteAsset, (a, b) -> a));
		List<TruthLifecycle> lifecycles = TruthLifecycles.of(account.fills());
		Map<String, BigDecimal> funding = TruthFunding.attribute(lifecycles, account.income(), incomeHorizon);
		TruthOrderTypes orderTypes = new TruthOrderTypes(account.orders(), includeOrders, now.minus(ORDER_RETENTION));
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
					funding.getOrDefault(lifecycle.tradeId(), BigDecimal.ZERO), orderTypes));
		}
		trades.sort(Comparator.comparing(TradeEntry::binanceTradeId));
		incomplete.sort(Comparator.naturalOrder());
		openAtTo.sort(Comparator.naturalOrder());
		return new TruthResult(trades, incomplete, openAtTo);
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
