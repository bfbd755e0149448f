package syncjob.lifecycle;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one symbol's rows of a window need from Binance beside its fills.
 *
 * @param orders       order ids with the time of the earliest fill that references each
 * @param candleRanges the symbol's own candles per closing lifecycle (its excursion), each range
 *                     once, in exit order
 * @param feeMinutes   the 1-minute closes its other-asset commissions are valued at
 */
public record SymbolNeeds(Map<Long, Instant> orders, List<CandleRange> candleRanges,
		SortedSet<PriceMinute> feeMinutes) {

	public SymbolNeeds {
		// sorted by id, as the order plan reads them
		orders = Collections.unmodifiableSortedMap(new TreeMap<>(orders));
		candleRanges = List.copyOf(candleRanges);
		feeMinutes = Collections.unmodifiableSortedSet(new TreeSet<>(feeMinutes));
	}

}
