package syncjob.binance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import syncjob.lifecycle.Fill;

/**
 * The two ways {@code userTrades} pages, and the proofs built on them. A time window spans at
 * most 7 days (a longer one may come back empty rather than fail), so an empty window proves
 * only that window empty. {@code fromId} pages (ids ascend with time per symbol) until a short
 * page, which proves the end.
 */
final class TradePager {

	static final Duration MAX_SPAN = Duration.ofDays(7);

	static final int LIMIT = Endpoint.PAGE_LIMIT;

	private static final Comparator<Fill> BY_ID = Comparator.comparingLong(Fill::id);

	private final BinanceCaller caller;

	TradePager(BinanceCaller caller) {
		this.caller = caller;
	}

	/** One call: fills with time in {@code [start, end)}, a span of at most 7 days. */
	List<Fill> window(String symbol, Instant start, Instant end, Tally tally) {
		if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
			throw new IllegalArgumentException("userTrades window longer than 7 days: " + start + " .. " + end);
		}
		long startTime = start.toEpochMilli();
		long endTime = end.toEpochMilli() - 1;
		return caller.call(Endpoint.USER_TRADES, symbol, tally,
				api -> api.userTrades(symbol, startTime, endTime, null, LIMIT), TradePager::toFills);
	}

	/** One call: up to 1000 fills with id >= {@code fromId}, ascending. */
	List<Fill> fromId(String symbol, long fromId, Tally tally) {
		return caller.call(Endpoint.USER_TRADES, symbol, tally, api -> api.userTrades(symbol, null, null, fromId, LIMIT),
				TradePager::toFills);
	}

	/**
	 * The first page of a window, and the id of the window's first fill, proven: a page that is
	 * not full holds the whole window; a full page is checked for earlier fills up to its
	 * earliest time, so the result does not depend on which end of the window Binance serves.
	 */
	WindowStart windowStart(String symbol, Instant start, Instant end, Tally tally) {
		List<Fill> page = window(symbol, start, end, tally);
		if (page.size() < LIMIT) {
			return new WindowStart(page, true, page.isEmpty() ? -1 : page.get(0).id());
		}
		Fill earliest = page.stream().min(BY_ID).orElseThrow();
		while (true) {
			List<Fill> check = window(symbol, start, earliest.time().plusMillis(1), tally);
			Fill candidate = check.stream().min(BY_ID).orElse(earliest);
			if (candidate.id() >= earliest.id()) {
				break;
			}
			earliest = candidate;
			if (check.size() < LIMIT) {
				break;
			}
		}
		return new WindowStart(page, false, earliest.id());
	}

	/** Every fill with time in {@code [start, end)}, a span of at most 7 days. */
	List<Fill> all(String symbol, Instant start, Instant end, Tally tally) {
		return all(symbol, windowStart(symbol, start, end, tally), start, end, tally);
	}

	/** Every fill of the window {@code [start, end)} whose first page is {@code first}. */
	List<Fill> all(String symbol, WindowStart first, Instant start, Instant end, Tally tally) {
		if (first.complete()) {
			return first.page();
		}
		List<Fill> fills = new ArrayList<>();
		if (first.contiguous()) {
			fills.addAll(first.page());
		}
		fills.addAll(fromIdUntil(symbol, first.nextId(), end, tally));
		fills.removeIf(fill -> fill.time().isBefore(start) || !fill.time().isBefore(end));
		return fills;
	}

	/** Pages by {@code fromId} until a short page or a fill at or after {@code stopAt}. */
	List<Fill> fromIdUntil(String symbol, long startId, Instant stopAt, Tally tally) {
		List<Fill> fills = new ArrayList<>();
		long nextId = startId;
		while (true) {
			List<Fill> page = fromId(symbol, nextId, tally);
			fills.addAll(page);
			if (page.size() < LIMIT || !page.get(page.size() - 1).time().isBefore(stopAt)) {
				return fills;
			}
			nextId = page.get(page.size() - 1).id() + 1;
		}
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
	 * @param page the window's first page, sorted by id
	 * @param complete the page holds every fill of the window
	 * @param firstId the window's first fill id, -1 when the window is empty
	 */
	record WindowStart(List<Fill> page, boolean complete, long firstId) {

		/** The page starts at the window's first fill, so paging may go on from its last id. */
		boolean contiguous() {
			return !page.isEmpty() && page.get(0).id() == firstId;
		}

		long maxId() {
			return page.get(page.size() - 1).id();
		}

		/** Where {@code fromId} paging goes on: after the page when it starts the window, else at the first id. */
		long nextId() {
			return contiguous() ? maxId() + 1 : firstId;
		}
	}
}
