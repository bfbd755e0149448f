package syncjob.binance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import syncjob.lifecycle.Candle;
import syncjob.lifecycle.CandleRange;
import syncjob.lifecycle.KlineInterval;
import syncjob.lifecycle.PriceMinute;

/**
 * Klines with the fewest requests, the cache first. Per trade one request of exactly its
 * candle range (at most {@link CandleRange#MAX_CANDLES} candles, so weight at most 2), none when
 * the cache or an earlier request of the run already holds the range whole. Per
 * {@code {asset}{quote}} symbol, its missing fee minutes in as few requests as possible: a
 * request covers every needed minute within {@link CandleRange#MAX_CANDLES} minutes of its
 * first, so it never weighs more than the one-minute requests it replaces. Every candle that had
 * closed when served is cached; an open one never is.
 *
 * <p>Not served, never a failed run: an empty answer (that range), {@code -1121 Invalid symbol}
 * (that symbol, for the rest of the run), HTTP 404 (an exchange without the endpoint: no klines
 * at all for the rest of the run).
 */
final class KlinePlan {

	static final int INVALID_SYMBOL = -1121;

	private static final Logger log = LoggerFactory.getLogger(KlinePlan.class);

	private final BinanceCaller caller;

	private final CandleStore cache;

	private final Clock serverClock;

	private final Set<String> invalidSymbols = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean endpointMissing = new AtomicBoolean();

	KlinePlan(BinanceCaller caller, CandleStore cache, Clock serverClock) {
		this.caller = caller;
		this.cache = cache;
		this.serverClock = serverClock;
	}

	/** Binance's weight of a klines request by its {@code limit}. */
	static int weight(int limit) {
		if (limit < 100) {
			return 1;
		}
		if (limit < 500) {
			return 2;
		}
		return limit <= 1000 ? 5 : 10;
	}

	ServedCandles candles(String symbol, List<CandleRange> ranges) {
		PlanCost tally = new PlanCost();
		List<String> notes = new ArrayList<>();
		Map<KlineInterval, NavigableMap<Instant, Candle>> known = cached(symbol, ranges);
		Map<CandleRange, List<Candle>> extremes = new HashMap<>();
		for (CandleRange range : ranges) {
			NavigableMap<Instant, Candle> candles = known.computeIfAbsent(range.interval(), i -> new TreeMap<>());
			if (candles.subMap(range.firstOpenTime(), true, range.lastOpenTime(), true).size() != range.count()) {
				for (CandleRange part : parts(range)) {
					List<Candle> served = fetch(symbol, part, tally, notes);
					served.forEach(candle -> candles.put(candle.openTime(), candle));
				}
			}
			List<Candle> inRange = new ArrayList<>(
					candles.subMap(range.firstOpenTime(), true, range.lastOpenTime(), true).values());
			if (!inRange.isEmpty()) {
				extremes.put(range, ServedCandles.extremesOf(inRange));
			}
		}
		return new ServedCandles(symbol, extremes, notes, tally.calls(), tally.weight());
	}

	ServedCloses closes(SortedSet<PriceMinute> minutes) {
		PlanCost tally = new PlanCost();
		List<String> notes = new ArrayList<>();
		Map<String, SortedSet<Instant>> bySymbol = new TreeMap<>();
		minutes.forEach(m -> bySymbol.computeIfAbsent(m.symbol(), s -> new TreeSet<>()).add(m.minute()));
		Map<PriceMinute, BigDecimal> closes = new HashMap<>();
		bySymbol.forEach((symbol, needed) -> {
			SortedSet<Instant> missing = new TreeSet<>(needed);
			for (Candle candle : cache.load(symbol, KlineInterval.M1, needed)) {
				if (missing.remove(candle.openTime())) {
					closes.put(new PriceMinute(symbol, candle.openTime()), candle.close());
				}
			}
			for (CandleRange request : requests(missing)) {
				for (Candle candle : fetch(symbol, request, tally, notes)) {
					if (missing.contains(candle.openTime())) {
						closes.put(new PriceMinute(symbol, candle.openTime()), candle.close());
					}
				}
			}
		});
		return new ServedCloses(closes, notes, tally.calls(), tally.weight());
	}

	/** What the cache holds for the ranges: one query per interval, over the span of its ranges. */
	private Map<KlineInterval, NavigableMap<Instant, Candle>> cached(String symbol, List<CandleRange> ranges) {
		Map<KlineInterval, Instant[]> spans = new EnumMap<>(KlineInterval.class);
		for (CandleRange range : ranges) {
			spans.merge(range.interval(), new Instant[] { range.firstOpenTime(), range.lastOpenTime() },
					(a, b) -> new Instant[] { a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1] });
		}
		Map<KlineInterval, NavigableMap<Instant, Candle>> known = new EnumMap<>(KlineInterval.class);
		spans.forEach((interval, span) -> {
			NavigableMap<Instant, Candle> candles = new TreeMap<>();
			cache.load(symbol, interval, span[0], span[1]).forEach(c -> candles.put(c.openTime(), c));
			known.put(interval, candles);
		});
		return known;
	}

	/** A range too long for one light request (a hold of over 498 days) in pieces of at most 499 candles. */
	private static List<CandleRange> parts(CandleRange range) {
		if (range.count() <= CandleRange.MAX_CANDLES) {
			return List.of(range);
		}
		List<CandleRange> parts = new ArrayList<>();
		Instant first = range.firstOpenTime();
		long left = range.count();
		while (left > 0) {
			long count = Math.min(left, CandleRange.MAX_CANDLES);
			Instant last = first.plus(range.interval().length().multipliedBy(count - 1));
			parts.add(new CandleRange(range.interval(), first, last, count));
			first = last.plus(range.interval().length());
			left -= count;
		}
		return parts;
	}

	/** Minutes grouped from the earliest: each request takes every minute within 499 of its first. */
	private static List<CandleRange> requests(SortedSet<Instant> minutes) {
		List<CandleRange> requests = new ArrayList<>();
		Instant first = null;
		Instant last = null;
		for (Instant minute : minutes) {
			if (first != null && KlineInterval.M1.candlesCovering(first, minute) > CandleRange.MAX_CANDLES) {
				requests.add(CandleRange.in(KlineInterval.M1, first, last));
				first = null;
			}
			first = first == null ? minute : first;
			last = minute;
		}
		if (first != null) {
			requests.add(CandleRange.in(KlineInterval.M1, first, last));
		}
		return requests;
	}

	/** One request of exactly the range's candles; what had closed goes to the cache. */
	private List<Candle> fetch(String symbol, CandleRange range, PlanCost tally, List<String> notes) {
		if (endpointMissing.get() || invalidSymbols.contains(symbol)) {
			notes.add(range.interval().code() + " klines of " + symbol + " are not served by this exchange");
			return List.of();
		}
		int limit = Math.toIntExact(range.count());
		// the last candle's close time as endTime: the range whether Binance bounds it by open or close time
		long endTime = range.lastOpenTime().plus(range.interval().length()).toEpochMilli() - 1;
		List<KlineRow> rows;
		try {
			rows = caller.call(Endpoint.KLINES, weight(limit), symbol, tally,
					api -> api.klines(symbol, range.interval().code(), range.firstOpenTime().toEpochMilli(), endTime,
							limit),
					list -> list);
		}
		catch (BinanceResponseException ex) {
			if (ex.code() != null && ex.code() == INVALID_SYMBOL) {
				invalidSymbols.add(symbol);
				notes.add(symbol + " is not a symbol this exchange serves klines of (" + ex.getMessage() + ")");
				return List.of();
			}
			if (ex.httpStatus() == 404) {
				if (endpointMissing.compareAndSet(false, true)) {
					log.warn("This exchange does not serve GET /fapi/v1/klines ({}): the excursion and fee valuation "
							+ "columns stay null, each row saying so in its warnings", ex.getMessage());
				}
				notes.add("no klines: " + ex.getMessage());
				return List.of();
			}
			throw ex;
		}
		Instant servedAt = serverClock.instant();
		List<Candle> served = new ArrayList<>(rows.size());
		List<Candle> closed = new ArrayList<>(rows.size());
		for (KlineRow row : rows) {
			Candle candle = row.toCandle();
			if (!range.contains(candle.openTime())) {
				continue;
			}
			served.add(candle);
			if (!candle.openTime().plus(range.interval().length()).isAfter(servedAt)) {
				closed.add(candle);
			}
		}
		if (served.isEmpty()) {
			notes.add(range.interval().code() + " klines of " + symbol + " from " + range.firstOpenTime() + " to "
					+ range.lastOpenTime() + " not served");
		}
		if (!closed.isEmpty()) {
			cache.save(symbol, range.interval(), closed);
		}
		return served;
	}

}
