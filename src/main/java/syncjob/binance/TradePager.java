package syncjob.binance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import syncjob.lifecycle.Fill;

/**
 * The two ways {@code userTrades} pages. A time window ({@code startTime}/{@code endTime},
 * shorter than 7 days) is documented; a window holding more than a page is continued by time on
 * both sides of the page it returned, since a full page is a contiguous stretch of time but the
 * docs do not say which end of the window it comes from. An id-only page ({@code fromId}) always
 * starts at a fill already held, so it proves by its first row whether it reached back to it.
 */
final class TradePager {

	/** Time windows are [start, end) with endTime = end - 1 ms: strictly shorter than 7 days. */
	static final Duration MAX_SPAN = Duration.ofDays(7);

	static final int LIMIT = Endpoint.PAGE_LIMIT;

	static final Comparator<Fill> BY_ID = Comparator.comparingLong(Fill::id);

	private final BinanceCaller caller;

	private final ServedFrom servedFrom = new ServedFrom(Endpoint.USER_TRADES.path());

	TradePager(BinanceCaller caller) {
		this.caller = caller;
	}

	ServedFrom servedFrom() {
		return this.servedFrom;
	}

	/** Every fill with time in {@code [start, end)}, a span of at most 7 days, sorted by id; by time only. */
	List<Fill> windowAll(String symbol, Instant start, Instant end, PlanCost tally) {
		if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
			throw new IllegalArgumentException("userTrades window longer than 7 days: " + start + " .. " + end);
		}
		Map<Long, Fill> byId = new TreeMap<>();
		Deque<Instant[]> spans = new ArrayDeque<>();
		spans.push(new Instant[] { start, end });
		while (!spans.isEmpty()) {
			Instant[] span = spans.pop();
			List<Fill> page = window(symbol, span[0], span[1], tally);
			page.forEach((fill) -> byId.putIfAbsent(fill.id(), fill));
			if (page.size() < LIMIT) {
				continue;
			}
			Instant first = page.stream().map(Fill::time).min(Comparator.naturalOrder()).orElseThrow();
			Instant last = page.stream().map(Fill::time).max(Comparator.naturalOrder()).orElseThrow();
			if (first.equals(last)) {
				throw new BinanceResponseException(Endpoint.USER_TRADES.describe(symbol) + " has more than " + LIMIT
						+ " fills in the millisecond " + first + ", which time windows cannot page: set binance.paging=auto",
						200, null, null);
			}
			// the rest of the window lies before the page's first time or after its last, both inclusive
			if (span[0].isBefore(first)) {
				spans.push(new Instant[] { span[0], first.plusMillis(1) });
			}
			if (last.plusMillis(1).isBefore(span[1])) {
				spans.push(new Instant[] { last, span[1] });
			}
		}
		return List.copyOf(byId.values());
	}

	/** One call: fills with time in {@code [start, end)} (at most one page), sorted by id; empty when not served. */
	List<Fill> window(String symbol, Instant start, Instant end, PlanCost tally) {
		long endTime = end.toEpochMilli() - 1;
		return this.servedFrom
			.call(start, end, (from) -> this.caller.call(Endpoint.USER_TRADES, symbol, tally,
					(api) -> api.userTrades(symbol, from.toEpochMilli(), endTime, null, LIMIT), TradePager::toFills))
			.orElse(List.of());
	}

	/** One id-only call from a fill already held: up to a page of fills with id >= its id. */
	IdPage fromKnown(String symbol, Fill known, PlanCost tally) {
		List<Fill> page = this.caller.call(Endpoint.USER_TRADES, symbol, tally,
				(api) -> api.userTrades(symbol, null, null, known.id(), LIMIT), TradePager::toFills);
		return new IdPage(page, !page.isEmpty() && page.get(0).id() == known.id());
	}

	private static List<Fill> toFills(List<TradeRow> rows) {
		List<Fill> fills = new ArrayList<>(rows.size());
		for (TradeRow row : rows) {
			fills.add(row.toFill());
		}
		fills.sort(BY_ID);
		return fills;
	}

	/**
	 * @param fills the page, sorted by id
	 * @param beginsWithKnown the page starts with the fill it was requested from: the request reached it
	 */
	record IdPage(List<Fill> fills, boolean beginsWithKnown) {

		boolean full() {
			return this.fills.size() >= LIMIT;
		}

		Fill last() {
			return this.fills.get(this.fills.size() - 1);
		}

	}

}
