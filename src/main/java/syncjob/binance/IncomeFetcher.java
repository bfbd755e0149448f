package syncjob.binance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import syncjob.lifecycle.IncomeRecord;

/**
 * Every income record of {@code [from, to)} in pages of 1000 by time. A full page continues from
 * its last record's time, inclusive, de-duplicated on (incomeType, tranId); a full page inside a
 * single millisecond is drained with {@code page}, since a time cursor cannot move past it.
 */
final class IncomeFetcher {

	private static final int LIMIT = Endpoint.PAGE_LIMIT;

	private final BinanceCaller caller;

	IncomeFetcher(BinanceCaller caller) {
		this.caller = caller;
	}

	/** @param symbol null for every symbol; @param incomeType null for every type */
	List<IncomeRecord> fetch(String symbol, String incomeType, Instant from, Instant to, Tally tally) {
		Map<Key, IncomeRecord> records = new LinkedHashMap<>();
		long end = to.toEpochMilli() - 1;
		long cursor = from.toEpochMilli();
		while (cursor <= end) {
			List<IncomeRecord> page = page(symbol, incomeType, cursor, end, null, tally);
			page.forEach(record -> records.putIfAbsent(Key.of(record), record));
			if (page.size() < LIMIT) {
				break;
			}
			long last = page.get(page.size() - 1).time().toEpochMilli();
			if (last == cursor) {
				drainMillisecond(symbol, incomeType, cursor, records, tally);
				cursor++;
			}
			else {
				cursor = last;
			}
		}
		List<IncomeRecord> sorted = new ArrayList<>(records.values());
		sorted.removeIf(record -> record.time().isBefore(from) || !record.time().isBefore(to));
		sorted.sort(Comparator.comparing(IncomeRecord::time));
		return sorted;
	}

	/** Page 1 of the millisecond is the full page already read; the rest follow. */
	private void drainMillisecond(String symbol, String incomeType, long millis, Map<Key, IncomeRecord> records,
			Tally tally) {
		for (int pageNumber = 2;; pageNumber++) {
			List<IncomeRecord> page = page(symbol, incomeType, millis, millis, pageNumber, tally);
			page.forEach(record -> records.putIfAbsent(Key.of(record), record));
			if (page.size() < LIMIT) {
				return;
			}
		}
	}

	private List<IncomeRecord> page(String symbol, String incomeType, long start, long end, Integer pageNumber,
			Tally tally) {
		return caller.call(Endpoint.INCOME, symbol, tally,
				api -> api.income(symbol, incomeType, start, end, pageNumber, LIMIT),
				rows -> rows.stream().map(IncomeRow::toRecord).toList());
	}

	private record Key(String incomeType, String tranId) {

		static Key of(IncomeRecord record) {
			return new Key(record.incomeType(), record.tranId());
		}
	}
}
