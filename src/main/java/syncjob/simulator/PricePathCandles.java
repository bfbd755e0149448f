package syncjob.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import syncjob.lifecycle.Fill;

/**
 * The klines of the exchange's one market, the same for every account it serves: for every
 * symbol an account traded, candles through the fills of all accounts (a fill's price always
 * lies within its minute's low and high, whoever's it is), and for {@code BNBUSDT} and
 * {@code BNBUSDC}, the prices commissions paid in BNB are valued at, candles around BNB's level
 * when no account traded them. The market ends with the accounts' histories: a candle holds
 * only minutes before the latest {@code end}, and none opens at or after it, so what is served
 * never changes once generated.
 */
final class PricePathCandles {

	/** The symbols a BNB commission is valued in, served whether or not the account traded them. */
	static final Set<String> FEE_SYMBOLS = Set.of("BNBUSDT", "BNBUSDC");

	/** Per symbol its fills, its path built on the first request for it: large accounts start no slower. */
	private final Map<String, List<Fill>> fills;

	private final Map<String, MinutePath> paths = new ConcurrentHashMap<>();

	private final long endMs;

	private PricePathCandles(Map<String, List<Fill>> fills, long endMs) {
		this.fills = Map.copyOf(fills);
		this.endMs = endMs;
	}

	static PricePathCandles of(SimulatedAccount account) {
		return of(List.of(account));
	}

	/**
	 * The market of {@code accounts}, in the order an exchange serves them: fills of different
	 * accounts at the same time and id keep that order, so the candles are always the same.
	 */
	static PricePathCandles of(List<SimulatedAccount> accounts) {
		if (accounts.isEmpty()) {
			throw new IllegalArgumentException("a market needs at least one account");
		}
		Map<String, List<Fill>> fills = new HashMap<>();
		long endMs = Long.MIN_VALUE;
		for (SimulatedAccount account : accounts) {
			account.symbols().forEach(spec -> fills.putIfAbsent(spec.symbol(), new ArrayList<>()));
			account.fills().forEach(fill -> fills.computeIfAbsent(fill.symbol(), s -> new ArrayList<>()).add(fill));
			endMs = Math.max(endMs, account.end().toEpochMilli());
		}
		FEE_SYMBOLS.forEach(symbol -> fills.putIfAbsent(symbol, List.of()));
		return new PricePathCandles(fills, endMs);
	}

	boolean serves(String symbol) {
		return fills.containsKey(symbol);
	}

	private MinutePath path(String symbol) {
		return paths.computeIfAbsent(symbol, name -> {
			List<Fill> sorted = new ArrayList<>(fills.get(name));
			if (!sorted.isEmpty()) {
				sorted.sort(Comparator.comparing(Fill::time).thenComparingLong(Fill::id));
				return MinutePath.through(name, sorted);
			}
			// BNB's level for the fee symbols, a plain one for a listed symbol never traded
			return MinutePath.untraded(name,
					FEE_SYMBOLS.contains(name) ? GeneratorFees.BNB_PRICE : BigDecimal.ONE.setScale(4));
		});
	}

	/** Open time of the last candle of {@code interval} served at {@code nowMs}, if any. */
	Optional<Long> lastOpen(KlineIntervals interval, long nowMs) {
		long latest = Math.min(nowMs, endMs - 1);
		return latest < 0 ? Optional.empty() : Optional.of(interval.openOf(latest));
	}

	/**
	 * The candles opening from {@code firstOpenMs} (aligned) to {@code lastOpenMs}, at most
	 * {@code limit}, ascending; only those opening by {@link #lastOpen}.
	 */
	List<SimulatedCandle> candles(String symbol, KlineIntervals interval, long firstOpenMs, long lastOpenMs,
			int limit, long nowMs) {
		List<SimulatedCandle> candles = new ArrayList<>();
		Optional<Long> servable = lastOpen(interval, nowMs);
		if (!serves(symbol) || servable.isEmpty()) {
			return candles;
		}
		MinutePath path = path(symbol);
		long last = Math.min(lastOpenMs, servable.get());
		for (long open = interval.openAtOrAfter(firstOpenMs); open <= last && candles.size() < limit;
				open = interval.next(open)) {
			candles.add(candle(path, interval, open));
		}
		return candles;
	}

	/** The last {@code limit} candles opening at or before {@code lastOpenMs}, ascending. */
	List<SimulatedCandle> latest(String symbol, KlineIntervals interval, long lastOpenMs, int limit, long nowMs) {
		Optional<Long> servable = lastOpen(interval, nowMs);
		if (!serves(symbol) || servable.isEmpty()) {
			return List.of();
		}
		long last = interval.openOf(Math.min(lastOpenMs, servable.get()));
		long first = last;
		for (int i = 1; i < limit; i++) {
			long earlier = interval.openOf(first - 1);
			if (earlier < 0) {
				break;
			}
			first = earlier;
		}
		return candles(symbol, interval, first, last, limit, nowMs);
	}

	private SimulatedCandle candle(MinutePath path, KlineIntervals interval, long openMs) {
		long closeMs = interval.next(openMs) - 1;
		long fromMinute = Math.floorDiv(openMs, KlineIntervals.MINUTE_MS);
		long toMinute = Math.min(Math.floorDiv(closeMs, KlineIntervals.MINUTE_MS) + 1,
				Math.floorDiv(endMs - 1, KlineIntervals.MINUTE_MS) + 1);
		MinutePath.Span span = path.span(fromMinute, toMinute);
		int scale = path.scale();
		return new SimulatedCandle(openMs, price(span.open(), scale), price(span.high(), scale),
				price(span.low(), scale), price(span.close(), scale), BigDecimal.valueOf(span.volumeMillis(), 3),
				closeMs, BigDecimal.valueOf(span.quoteVolume(), 3 + scale), span.trades(),
				BigDecimal.valueOf(span.takerVolumeMillis(), 3), BigDecimal.valueOf(span.takerQuote(), 3 + scale));
	}

	private static BigDecimal price(long ticks, int scale) {
		return BigDecimal.valueOf(ticks, scale);
	}
}
