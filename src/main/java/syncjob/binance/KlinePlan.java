package syncjob.binance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
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
 * closed when served is cached (a few thousand at a time, {@link CandlesToKeep}); an open one
 * never is. The requests of a symbol's ranges and of its fee minutes are sent at once
 * ({@link FanOut}); only the cache is read before them.
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

	private final FanOut fanOut;

	KlinePlan(BinanceCaller caller, CandleStore cache, Clock serverClock, FanOut fanOut) {
		this.caller = caller;
		this.cache = cache;
		this.serverClock = serverClock;
		this.fanOut = fanOut;
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
		return klines(symbol, ranges, new TreeSet<>()).candles();
	}

	ServedCloses closes(SortedSet<PriceMinute> minutes) {
		return klines(null, List.of(), minutes).closes();
	}

	/**
	 * {@code symbol}'s candles for {@code ranges} and the closes of {@code minutes} (of any
	 * symbol), their requests sent at once: they depend on nothing but the cache, read first on
	 * this thread, which also saves what they serve.
	 */
	ServedKlines klines(String symbol, List<CandleRange> ranges, SortedSet<PriceMinute> minutes) {
		Candles candles = new Candles(symbol, ranges);
		Closes closes = new Closes(minutes);
		List<Request> first = new ArrayList<>(candles.nextRound());
		first.addAll(closes.requests());
		CandlesToKeep toKeep = new CandlesToKeep(this.cache);
		try {
			for (List<Request> round = first; !round.isEmpty(); round = candles.nextRound()) {
				this.fanOut.inOrder(
						round.stream().map((request) -> (Callable<Answer>) () -> answer(request)).toList(),
						(answer) -> {
							toKeep.add(answer.request().symbol(), answer.request().range().interval(),
									answer.closed());
							if (answer.request().forCloses()) {
								closes.take(answer);
							}
							else {
								candles.take(answer);
							}
						}, "fetching klines");
			}
		}
		finally {
			// what was served is kept even when a later request fails, so a restart need not ask
			// again; but not by a thread being stopped (interrupted), which is to end, not to wait
			// for the database
			if (!Thread.currentThread().isInterrupted()) {
				toKeep.saveAll();
			}
		}
		return new ServedKlines(candles.served(), closes.served());
	}

	/** A symbol's candles for its trades' ranges: the cache first, then rounds of requests sent at once. */
	private final class Candles {

		private final String symbol;

		private final List<CandleRange> ranges;

		private final Map<KlineInterval, NavigableMap<Instant, Candle>> known;

		/** Ranges requested (in parts when long); a range is never requested twice. */
		private final Set<CandleRange> asked = new HashSet<>();

		private final PlanCost tally = new PlanCost();

		private final List<String> notes = new ArrayList<>();

		Candles(String symbol, List<CandleRange> ranges) {
			this.symbol = symbol;
			this.ranges = ranges;
			this.known = ranges.isEmpty() ? new EnumMap<>(KlineInterval.class) : cached(symbol, ranges);
		}

		/**
		 * The requests for the ranges neither held whole nor covered by a range requested before
		 * them in this round, in the ranges' order: as asking them one after the other would, a
		 * range inside what another brings is not asked for, unless that one was not served whole
		 * (it is then asked in the next round).
		 */
		List<Request> nextRound() {
			List<Request> round = new ArrayList<>();
			Map<KlineInterval, NavigableMap<Instant, Instant>> planned = new EnumMap<>(KlineInterval.class);
			for (CandleRange range : this.ranges) {
				NavigableMap<Instant, Candle> candles = this.known.computeIfAbsent(range.interval(),
						(i) -> new TreeMap<>());
				NavigableMap<Instant, Instant> spans = planned.computeIfAbsent(range.interval(), (i) -> new TreeMap<>());
				if (this.asked.contains(range) || held(range, candles, spans)) {
					continue;
				}
				this.asked.add(range);
				plan(spans, range);
				for (CandleRange part : parts(range)) {
					round.add(new Request(this.symbol, part, false));
				}
			}
			return round;
		}

		void take(Answer answer) {
			this.tally.addAll(answer.cost());
			this.notes.addAll(answer.notes());
			NavigableMap<Instant, Candle> candles = this.known.get(answer.request().range().interval());
			answer.served().forEach((candle) -> candles.put(candle.openTime(), candle));
		}

		ServedCandles served() {
			Map<CandleRange, List<Candle>> extremes = new HashMap<>();
			for (CandleRange range : this.ranges) {
				List<Candle> extremesInRange = ServedCandles.extremesOf(this.known.get(range.interval())
					.subMap(range.firstOpenTime(), true, range.lastOpenTime(), true)
					.values());
				if (!extremesInRange.isEmpty()) {
					extremes.put(range, extremesInRange);
				}
			}
			return new ServedCandles(this.symbol, extremes, this.notes, this.tally.calls(), this.tally.weight());
		}

		/** Whether every candle of the range is held, or requested in this round ({@code spans}: first to last open time). */
		private static boolean held(CandleRange range, NavigableMap<Instant, Candle> candles,
				NavigableMap<Instant, Instant> spans) {
			Duration length = range.interval().length();
			Instant open = range.firstOpenTime();
			while (!open.isAfter(range.lastOpenTime())) {
				Map.Entry<Instant, Instant> span = spans.floorEntry(open);
				if (span != null && !span.getValue().isBefore(open)) {
					open = span.getValue().plus(length);
				}
				else if (candles.containsKey(open)) {
					open = open.plus(length);
				}
				else {
					return false;
				}
			}
			return true;
		}

		/** Adds the range's span to the disjoint, merged spans requested in this round. */
		private static void plan(NavigableMap<Instant, Instant> spans, CandleRange range) {
			Instant first = range.firstOpenTime();
			Instant last = range.lastOpenTime();
			Map.Entry<Instant, Instant> before = spans.floorEntry(first);
			if (before != null && !before.getValue().isBefore(first)) {
				first = before.getKey();
				last = later(last, before.getValue());
			}
			for (Map.Entry<Instant, Instant> overlapping = spans.ceilingEntry(first); overlapping != null
					&& !overlapping.getKey().isAfter(last); overlapping = spans.ceilingEntry(first)) {
				last = later(last, overlapping.getValue());
				spans.remove(overlapping.getKey());
			}
			spans.put(first, last);
		}

		private static Instant later(Instant a, Instant b) {
			return a.isAfter(b) ? a : b;
		}

	}

	/** The 1-minute closes of fee minutes: the cache first, then every missing stretch's request at once. */
	private final class Closes {

		private final Map<PriceMinute, BigDecimal> closes = new HashMap<>();

		private final Map<String, SortedSet<Instant>> missing = new TreeMap<>();

		private final PlanCost tally = new PlanCost();

		private final List<String> notes = new ArrayList<>();

		Closes(SortedSet<PriceMinute> minutes) {
			Map<String, SortedSet<Instant>> bySymbol = new TreeMap<>();
			minutes.forEach(m -> bySymbol.computeIfAbsent(m.symbol(), s -> new TreeSet<>()).add(m.minute()));
			bySymbol.forEach((symbol, needed) -> {
				SortedSet<Instant> left = new TreeSet<>(needed);
				for (Candle candle : cache.load(symbol, KlineInterval.M1, needed)) {
					if (left.remove(candle.openTime())) {
						this.closes.put(new PriceMinute(symbol, candle.openTime()), candle.close());
					}
				}
				this.missing.put(symbol, left);
			});
		}

		List<Request> requests() {
			List<Request> requests = new ArrayList<>();
			this.missing.forEach((symbol, left) -> KlinePlan.requests(left)
				.forEach((range) -> requests.add(new Request(symbol, range, true))));
			return requests;
		}

		void take(Answer answer) {
			this.tally.addAll(answer.cost());
			this.notes.addAll(answer.notes());
			String symbol = answer.request().symbol();
			SortedSet<Instant> left = this.missing.get(symbol);
			for (Candle candle : answer.served()) {
				if (left.contains(candle.openTime())) {
					this.closes.put(new PriceMinute(symbol, candle.openTime()), candle.close());
				}
			}
		}

		ServedCloses served() {
			return new ServedCloses(this.closes, this.notes, this.tally.calls(), this.tally.weight());
		}

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

	/**
	 * One request of exactly the range's candles, on a fan-out thread: what was served, what of it
	 * had closed (for the cache, saved by the thread that waits for it), and what was not served.
	 */
	private Answer answer(Request request) {
		String symbol = request.symbol();
		CandleRange range = request.range();
		PlanCost tally = new PlanCost();
		List<String> notes = new ArrayList<>();
		if (endpointMissing.get() || invalidSymbols.contains(symbol)) {
			notes.add(range.interval().code() + " klines of " + symbol + " are not served by this exchange");
			return new Answer(request, List.of(), List.of(), notes, tally);
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
				return new Answer(request, List.of(), List.of(), notes, tally);
			}
			if (ex.httpStatus() == 404) {
				if (endpointMissing.compareAndSet(false, true)) {
					log.warn("This exchange does not serve GET /fapi/v1/klines ({}): the excursion and fee valuation "
							+ "columns stay null, each row saying so in its warnings", ex.getMessage());
				}
				notes.add("no klines: " + ex.getMessage());
				return new Answer(request, List.of(), List.of(), notes, tally);
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
		return new Answer(request, served, closed, notes, tally);
	}

	/** One klines request: a part of a trade's range, or a stretch of fee minutes ({@code forCloses}). */
	private record Request(String symbol, CandleRange range, boolean forCloses) {
	}

	/** What one request brought, and what it cost. */
	private record Answer(Request request, List<Candle> served, List<Candle> closed, List<String> notes,
			PlanCost cost) {
	}

}
