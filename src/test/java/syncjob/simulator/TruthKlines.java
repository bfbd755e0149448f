package syncjob.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The klines a sync reads, as the exchange serves them (the very candles of the simulated
 * market, or none when it was started without klines), and which of the two uses a sync has
 * on: excursions and the valuation of fees in other assets.
 */
public final class TruthKlines {

	private final PricePathCandles market;

	private final Instant now;

	private final boolean excursions;

	private final boolean valueOtherFees;

	private TruthKlines(PricePathCandles market, Instant now, boolean excursions, boolean valueOtherFees) {
		this.market = market;
		this.now = now;
		this.excursions = excursions;
		this.valueOtherFees = valueOtherFees;
	}

	/** What the exchange serves at {@code now} with both uses on, the sync's defaults. */
	public static TruthKlines servedBy(SimulatedAccount account, SimulatorOptions options, Instant now) {
		return new TruthKlines(options.klines() ? PricePathCandles.of(account) : null, now, true, true);
	}

	/**
	 * What {@code exchange} serves at {@code now} with both uses on: its one market, the same
	 * for every account it serves (one account's own fills do not make it when there are more).
	 */
	public static TruthKlines servedBy(SimulatedExchange exchange, Instant now) {
		return new TruthKlines(exchange.market().orElse(null), now, true, true);
	}

	/** The same klines for a sync with the uses set so. */
	public TruthKlines withUses(boolean excursionsOn, boolean valueOtherFeesOn) {
		return new TruthKlines(market, now, excursionsOn, valueOtherFeesOn);
	}

	boolean excursions() {
		return excursions;
	}

	boolean valueOtherFees() {
		return valueOtherFees;
	}

	/** Close of the 1-minute kline opening at {@code minute}, if served. */
	Optional<BigDecimal> minuteClose(String symbol, Instant minute) {
		if (market == null || !market.serves(symbol)) {
			return Optional.empty();
		}
		long open = minute.toEpochMilli();
		List<SimulatedCandle> candles = market.candles(symbol, KlineIntervals.M1, open, open, 1, now.toEpochMilli());
		return candles.stream().filter(c -> c.openTime() == open).map(SimulatedCandle::close).findFirst();
	}

	/** The candles of {@code code} opening from {@code first} to {@code last}, as served (empty: none). */
	List<SimulatedCandle> candles(String symbol, String code, Instant first, Instant last) {
		if (market == null || !market.serves(symbol)) {
			return List.of();
		}
		KlineIntervals interval = KlineIntervals.of(code).orElseThrow();
		return market.candles(symbol, interval, first.toEpochMilli(), last.toEpochMilli(), Integer.MAX_VALUE,
				now.toEpochMilli());
	}
}
