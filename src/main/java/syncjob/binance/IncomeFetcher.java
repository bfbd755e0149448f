package syncjob.binance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import syncjob.lifecycle.IncomeRecord;

/**
 * Every income record of {@code [from, to)} in pages of 1000 by time. A full page continues from
 * its last record's time, inclusive, de-duplicated on (incomeType, tranId); a full page inside a
 * single millisecond is drained with {@code page}, since a time cursor cannot move past it. When
 * the first page shows the span is dense ({@link IncomeSlices}), the rest of it is cut into
 * slices paged at once: a 90-day account is then a few round trips deep instead of one per page.
 */
final class IncomeFetcher {

	private static final int LIMIT = Endpoint.PAGE_LIMIT;

	private final BinanceCaller caller;

	private final ServedFrom servedFrom = new ServedFrom(Endpoint.INCOME.path());

	/** Runs the slices of a dense span; the caller's connection limit bounds what is in flight. */
	private final ExecutorService executor;

	IncomeFetcher(BinanceCaller caller, ExecutorService executor) {
		this.caller = caller;
		this.executor = executor;
	}

	ServedFrom servedFrom() {
		return this.servedFrom;
	}

	/**
	 * The oldest income record (any symbol, any type) Binance serves from {@code start} on: income
	 * is kept for about three months, and the record tells from when at least it is served.
	 */
	Optional<IncomeRecord> oldestServed(Instant start, Instant now, PlanCost tally) {
		return this.servedFrom
			.call(start, now, (from) -> page(null, null, from.toEpochMilli(), now.toEpochMilli(), null, 1, tally))
			.flatMap((page) -> page.stream().findFirst());
	}

	/**
	 * The records ascending by time.
	 *
	 * @param symbol null for every symbol; @param incomeType null for every type
	 */
	List<IncomeRecord> fetch(String symbol, String incomeType, Instant from, Instant to, PlanCost tally) {
		List<IncomeRecord> records = new ArrayList<>();
		stream(symbol, incomeType, from, to, tally, records::addAll);
		// slices arrive in any order; they are disjoint in time, so a stable sort restores the order
		records.sort(Comparator.comparing(IncomeRecord::time));
		return records;
	}

	/**
	 * The same records as {@link #fetch}, handed to {@code sink} page by page, so a run with
	 * millions of records never holds them all; {@code sink} is called by one thread at a time,
	 * and the slow sink holds back every slice. Each page ascends by time, and so do the pages of
	 * one slice; slices of a dense span interleave. Within a slice only the records of the
	 * millisecond a page ends at can come again: their keys are all that is remembered.
	 */
	void stream(String symbol, String incomeType, Instant from, Instant to, PlanCost tally,
			Consumer<List<IncomeRecord>> sink) {
		long end = to.toEpochMilli() - 1;
		// a start older than Binance keeps may be refused: the first page narrows it
		Optional<List<IncomeRecord>> first = this.servedFrom.call(from, to,
				(start) -> page(symbol, incomeType, start.toEpochMilli(), end, null, LIMIT, tally));
		if (first.isEmpty()) {
			return;
		}
		long start = this.servedFrom.clamp(from).toEpochMilli();
		List<IncomeRecord> page = first.get();
		int slices = IncomeSlices.count(page, start, end);
		Span span = new Span(symbol, incomeType, from, to);
		if (slices < 2) {
			walk(span, start, end, new HashSet<>(), page, sink, tally);
			return;
		}
		Set<Key> seen = new HashSet<>();
		sink.accept(fresh(page, start, seen, from, to));
		long cursor = advance(span, page, start, seen, sink, tally);
		if (cursor > end) {
			return;
		}
		inSlices(span, IncomeSlices.bounds(cursor, end, slices), seen, sink, tally);
	}

	/**
	 * Pages each slice on its own, all at once: slice {@code i} is {@code [bounds[i], bounds[i+1])}.
	 * The first slice goes on from the first page's cursor and remembers its keys; the others
	 * start clean, since slices share no millisecond. Waits for every slice; the first failure is
	 * thrown once all have ended.
	 */
	private void inSlices(Span span, long[] bounds, Set<Key> seenAtFirst, Consumer<List<IncomeRecord>> sink,
			PlanCost tally) {
		Object sinkLock = new Object();
		Consumer<List<IncomeRecord>> shared = (records) -> {
			synchronized (sinkLock) {
				sink.accept(records);
			}
		};
		List<Future<PlanCost>> slices = new ArrayList<>();
		for (int i = 0; i + 1 < bounds.length; i++) {
			long sliceStart = bounds[i];
			long sliceEnd = bounds[i + 1] - 1;
			Set<Key> seen = i == 0 ? seenAtFirst : new HashSet<>();
			slices.add(this.executor.submit(() -> {
				PlanCost own = new PlanCost();
				List<IncomeRecord> first = page(span.symbol(), span.incomeType(), sliceStart, sliceEnd, null, LIMIT,
						own);
				walk(span, sliceStart, sliceEnd, seen, first, shared, own);
				return own;
			}));
		}
		RuntimeException failure = null;
		for (Future<PlanCost> slice : slices) {
			try {
				tally.addAll(slice.get());
			}
			catch (ExecutionException ex) {
				if (failure == null) {
					failure = ex.getCause() instanceof RuntimeException runtime ? runtime
							: new IllegalStateException(ex.getCause());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				slices.forEach((other) -> other.cancel(true));
				throw new BinanceRetryableException("interrupted while fetching income", ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/** Pages {@code [cursor, end]} on from {@code page}, its first page. */
	private void walk(Span span, long cursor, long end, Set<Key> seen, List<IncomeRecord> page,
			Consumer<List<IncomeRecord>> sink, PlanCost tally) {
		while (true) {
			sink.accept(fresh(page, cursor, seen, span.from(), span.to()));
			if (page.size() < LIMIT) {
				return;
			}
			cursor = advance(span, page, cursor, seen, sink, tally);
			if (cursor > end) {
				return;
			}
			page = page(span.symbol(), span.incomeType(), cursor, end, null, LIMIT, tally);
		}
	}

	/**
	 * Where the page after a full {@code page} starts: at its last record's millisecond, whose keys
	 * are remembered; a page ending where it began fills one millisecond, drained here by page number.
	 */
	private long advance(Span span, List<IncomeRecord> page, long cursor, Set<Key> seen,
			Consumer<List<IncomeRecord>> sink, PlanCost tally) {
		long last = page.get(page.size() - 1).time().toEpochMilli();
		if (last == cursor) {
			drainMillisecond(span.symbol(), span.incomeType(), cursor, seen, span.from(), span.to(), sink, tally);
			seen.clear();
			return cursor + 1;
		}
		seen.clear();
		for (IncomeRecord record : page) {
			if (record.time().toEpochMilli() == last) {
				seen.add(Key.of(record));
			}
		}
		return last;
	}

	/** The page's records in [from, to) not already handed on at the cursor's millisecond. */
	private static List<IncomeRecord> fresh(List<IncomeRecord> page, long cursor, Set<Key> seenAtCursor, Instant from,
			Instant to) {
		List<IncomeRecord> fresh = new ArrayList<>(page.size());
		for (IncomeRecord record : page) {
			boolean repeated = record.time().toEpochMilli() == cursor && !seenAtCursor.add(Key.of(record));
			if (!repeated && !record.time().isBefore(from) && record.time().isBefore(to)) {
				fresh.add(record);
			}
		}
		return fresh;
	}

	/** Page 1 of the millisecond is the full page already read; the rest follow. */
	private void drainMillisecond(String symbol, String incomeType, long millis, Set<Key> seen, Instant from,
			Instant to, Consumer<List<IncomeRecord>> sink, PlanCost tally) {
		for (int pageNumber = 2;; pageNumber++) {
			List<IncomeRecord> page = page(symbol, incomeType, millis, millis, pageNumber, LIMIT, tally);
			sink.accept(fresh(page, millis, seen, from, to));
			if (page.size() < LIMIT) {
				return;
			}
		}
	}

	private List<IncomeRecord> page(String symbol, String incomeType, long start, long end, Integer pageNumber,
			int limit, PlanCost tally) {
		return caller.call(Endpoint.INCOME, symbol, tally,
				api -> api.income(symbol, incomeType, start, end, pageNumber, limit),
				rows -> rows.stream().map(IncomeRow::toRecord).toList());
	}

	/** What one stream asks for. */
	private record Span(String symbol, String incomeType, Instant from, Instant to) {
	}

	private record Key(String incomeType, String tranId) {

		static Key of(IncomeRecord record) {
			return new Key(record.incomeType(), record.tranId());
		}
	}
}
