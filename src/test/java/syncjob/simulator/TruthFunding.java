package syncjob.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;

/**
 * Attributes FUNDING_FEE records to the lifecycles of their symbol open at the record's
 * time: all of it to a single one; shared by absolute position at that time when several
 * are open (hedge mode), 12 dp half-even for each but the last in trade-id order, which
 * takes the exact remainder. Records before the income horizon (the oldest income record the
 * exchange served) are not served, so not counted; a lifecycle counts from its start.
 */
final class TruthFunding {

	private static final int SHARE_SCALE = 12;

	private TruthFunding() {
	}

	/** Funding per binanceTradeId; lifecycles that received none are absent. */
	static Map<String, BigDecimal> attribute(List<TruthLifecycle> lifecycles, List<IncomeRecord> income,
			Instant horizon) {
		Map<String, List<TruthLifecycle>> bySymbol = new HashMap<>();
		for (TruthLifecycle lifecycle : lifecycles) {
			bySymbol.computeIfAbsent(lifecycle.stream().symbol(), key -> new ArrayList<>()).add(lifecycle);
		}
		bySymbol.values().forEach(list -> list.sort(Comparator.comparing(TruthLifecycle::entryTime)));
		Map<String, List<IncomeRecord>> fundingBySymbol = new HashMap<>();
		for (IncomeRecord record : income) {
			if (record.is(IncomeType.FUNDING_FEE) && !record.time().isBefore(horizon)) {
				fundingBySymbol.computeIfAbsent(record.symbol(), key -> new ArrayList<>()).add(record);
			}
		}
		Map<String, BigDecimal> funding = new HashMap<>();
		fundingBySymbol.forEach((symbol, records) -> {
			records.sort(Comparator.comparing(IncomeRecord::time));
			sweep(bySymbol.getOrDefault(symbol, List.of()), records, funding);
		});
		return funding;
	}

	private static void sweep(List<TruthLifecycle> byEntry, List<IncomeRecord> records, Map<String, BigDecimal> funding) {
		List<TruthLifecycle> active = new ArrayList<>();
		int next = 0;
		for (IncomeRecord record : records) {
			Instant t = record.time();
			while (next < byEntry.size() && !byEntry.get(next).entryTime().isAfter(t)) {
				active.add(byEntry.get(next++));
			}
			active.removeIf(lifecycle -> !lifecycle.openAt(t));
			if (!active.isEmpty()) {
				share(record.income(), t, active, funding);
			}
		}
	}

	private static void share(BigDecimal amount, Instant t, List<TruthLifecycle> open, Map<String, BigDecimal> funding) {
		List<TruthLifecycle> ordered = new ArrayList<>(open);
		ordered.sort(Comparator.comparing(TruthLifecycle::tradeId));
		BigDecimal total = BigDecimal.ZERO;
		for (TruthLifecycle lifecycle : ordered) {
			total = total.add(lifecycle.positionAt(t));
		}
		BigDecimal given = BigDecimal.ZERO;
		for (int i = 0; i < ordered.size(); i++) {
			TruthLifecycle lifecycle = ordered.get(i);
			BigDecimal share = i == ordered.size() - 1 ? amount.subtract(given)
					: amount.multiply(lifecycle.positionAt(t)).divide(total, SHARE_SCALE, RoundingMode.HALF_EVEN);
			given = given.add(share);
			funding.merge(lifecycle.tradeId(), share, BigDecimal::add);
		}
	}
}
