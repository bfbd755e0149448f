package syncjob.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Attribution of FUNDING_FEE income to the lifecycles open at its time (SPEC section 3,
 * {@code funding_fees}).
 */
public final class FundingAttribution {

	private static final Comparator<Span> BY_TRADE_ID = Comparator.comparing(Span::tradeId);

	private FundingAttribution() {
	}

	/**
	 * @param funding    FUNDING_FEE records of one symbol
	 * @param lifecycles all of that symbol's lifecycles (closed, incomplete, open)
	 */
	public static FundingResult attribute(List<IncomeRecord> funding, List<Lifecycle> lifecycles) {
		Map<String, BigDecimal> byTradeId = new TreeMap<>();
		List<IncomeRecord> unattributed = new ArrayList<>();
		// A sweep in time order: each record is matched only against the lifecycles open around
		// it, not against all of them (a busy symbol has thousands of each).
		List<Span> spans = lifecycles.stream().map(Span::of).sorted(Comparator.comparing(Span::start)).toList();
		List<IncomeRecord> byTime = funding.stream().sorted(Comparator.comparing(IncomeRecord::time)).toList();
		PriorityQueue<Span> active = new PriorityQueue<>(Comparator.comparing(Span::end));
		int next = 0;
		for (IncomeRecord record : byTime) {
			Instant t = record.time();
			while (next < spans.size() && !spans.get(next).start().isAfter(t)) {
				active.add(spans.get(next++));
			}
			while (!active.isEmpty() && !active.peek().end().isAfter(t)) {
				active.poll();
			}
			Map<String, BigDecimal> shares = split(record, active.stream().sorted(BY_TRADE_ID).toList());
			if (shares.isEmpty()) {
				unattributed.add(record);
			}
			shares.forEach((tradeId, share) -> byTradeId.merge(tradeId, share, BigDecimal::add));
		}
		return new FundingResult(byTradeId, unattributed);
	}

	/**
	 * One record's shares by tradeId, in ascending tradeId order; empty when no lifecycle is
	 * open at its time. The shares add up exactly to the record's amount.
	 */
	public static Map<String, BigDecimal> shares(IncomeRecord record, List<Lifecycle> lifecycles) {
		return split(record, lifecycles.stream()
			.map(Span::of)
			.filter((span) -> span.contains(record.time()))
			.sorted(BY_TRADE_ID)
			.toList());
	}

	/** Splits the record over the lifecycles open at its time, given in tradeId order. */
	private static Map<String, BigDecimal> split(IncomeRecord record, List<Span> open) {
		Instant t = record.time();
		Map<String, BigDecimal> shares = new LinkedHashMap<>();
		BigDecimal amount = record.income();
		if (open.size() == 1) {
			shares.put(open.get(0).tradeId(), amount);
			return shares;
		}
		List<BigDecimal> positions = open.stream().map((span) -> span.lifecycle().absPositionAt(t)).toList();
		BigDecimal total = positions.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal given = BigDecimal.ZERO;
		for (int i = 0; i < open.size(); i++) {
			BigDecimal share;
			if (i == open.size() - 1) {
				share = amount.subtract(given);
			}
			else if (total.signum() == 0) {
				share = BigDecimal.ZERO; // not reachable for grouped lifecycles: an open one holds a position
			}
			else {
				share = amount.multiply(positions.get(i)).divide(total, 12, RoundingMode.HALF_EVEN);
			}
			given = given.add(share);
			shares.merge(open.get(i).tradeId(), share, BigDecimal::add);
		}
		return shares;
	}

	/**
	 * When a lifecycle is open: {@code entryTime <= t < exitTime}; a still-open lifecycle has
	 * no exit, an incomplete one no known entry.
	 */
	private record Span(Lifecycle lifecycle, String tradeId, Instant start, Instant end) {

		static Span of(Lifecycle lifecycle) {
			return new Span(lifecycle, lifecycle.tradeId(), lifecycle.complete() ? lifecycle.entryTime() : Instant.MIN,
					lifecycle.closed() ? lifecycle.exitTime() : Instant.MAX);
		}

		boolean contains(Instant t) {
			return !this.start.isAfter(t) && t.isBefore(this.end);
		}
	}

}
