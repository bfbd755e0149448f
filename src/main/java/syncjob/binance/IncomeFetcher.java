package syncjob.binance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import syncjob.lifecycle.IncomeRecord;

/**
 * Every income record of {@code [from, to)} in pages of 1000 by time. A full page continues from
 * its last record's time, inclusive, de-duplicated on (incomeType, tranId); a full page inside a
 * single millisecond is drained with {@code page}, since a time cursor cannot move past it.
 */
final class IncomeFetcher {

	private static final int LIMIT = Endpoint.PAGE_LIMIT;

	private final BinanceCaller caller;

	private final ServedFrom servedFrom = new ServedFrom(Endpoint.INCOME.path());

	IncomeFetcher(BinanceCaller caller) {
		this.caller = caller;
	}

	ServedFrom servedFrom() {
		return this.servedFrom;
	}

	/**
	 * The oldest income record (any symbol, any type) Binance serves from {@code start} on: income
	 * is kept for about three months, and the record tells from when at least it is served.
	 */
	Optional<IncomeRecord> oldestServed(Instant start, Instant now, Tally tally) {
		return this.servedFrom
			.call(start, now, (from) -> page(null, null, from.toEpochMilli(), now.toEpochMilli(), null, 1, tally))
			.flatMap((page) -> page.stream().findFirst());
	}

	/** @param symbol null for every symbol; @param incomeType null for every type */
	List<IncomeRecord> fetch(String symbol, String incomeType, Instant from, Instant to, Tally tally) {
		List<IncomeRecord> records = new ArrayList<>();
		stream(symbol, incomeType, from, to, tally, records::addAll);
		return records;
	}

	/**
	 * The same records as {@link #fetch}, handed to {@code sink} page by page, so a run with
	 * millions of records never holds them all. Pages ascend by time, so only the records of
	 * the millisecond a page ends at can come again: their keys are all that is remembered.
	 */
	void stream(String symbol, String incomeType, Instant from, Instant to, Tally tally,
			Consumer<List<IncomeRecord>> sink) {
		long end = to.toEpochMilli() - 1;
		// a start older than Binance keeps may be refused: the first page narrows it
		Optional<List<IncomeRecord>> first = this.servedFrom.call(from, to,
				(start) -> page(symbol, incomeType, start.toEpochMilli(), end, null, LIMIT, tally));
		if (first.isEmpty()) {
			return;
		}
		long cursor = this.servedFrom.clamp(from).toEpochMilli();
		Set<Key> seenAtCursor = new HashSet<>();
		List<IncomeRecord> page = first.get();
		while (true) {
			sink.accept(fresh(page, cursor, seenAtCursor, from, to));
			if (page.size() < LIMIT) {
				break;
			}
			long last = page.get(page.size() - 1).time().toEpochMilli();
			if (last == cursor) {
				drainMillisecond(symbol, incomeType, cursor, seenAtCursor, from, to, sink, tally);
				seenAtCursor.clear();
				cursor++;
			}
			else {
				seenAtCursor.clear();
				for (IncomeRecord record : page) {
					if (record.time().toEpochMilli() == last) {
						seenAtCursor.add(Key.of(record));
					}
				}
				cursor = last;
			}
			if (cursor > end) {
				break;
			}
			page = page(symbol, incomeType, cursor, end, null, LIMIT, tally);
		}
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
			Instant to, Consumer<List<IncomeRecord>> sink, Tally tally) {
		for (int pageNumber = 2;; pageNumber++) {
			List<IncomeRecord> page = page(symbol, incomeType, millis, millis, pageNumber, LIMIT, tally);
			sink.accept(fresh(page, millis, seen, from, to));
			if (page.size() < LIMIT) {
				return;
			}
		}
	}

	private List<IncomeRecord> page(String symbol, String incomeType, long start, long end, Integer pageNumber,
			int limit, Tally tally) {
		return caller.call(Endpoint.INCOME, symbol, tally,
				api -> api.income(symbol, incomeType, start, end, pageNumber, limit),
				rows -> rows.stream().map(IncomeRow::toRecord).toList());
	}

	private record Key(String incomeType, String tranId) {

		static Key of(IncomeRecord record) {
			return new Key(record.incomeType(), record.tranId());
		}
	}
}
