package syncjob.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * How far the price went against a trade (maximum adverse excursion) and for it (maximum
 * favourable excursion) over the candles of its hold. The candles at either end include prices
 * from before the entry and after the exit: that is the resolution of the interval.
 *
 * @param maePct 100 * (mae - entry) / entry for LONG, 100 * (entry - mae) / entry for SHORT,
 *               8 dp (likewise {@code mfePct}); null when the entry price is unknown or 0
 */
public record Excursion(KlineInterval interval, BigDecimal maePrice, BigDecimal mfePrice, BigDecimal maePct,
		BigDecimal mfePct) {

	private static final int PCT_SCALE = 8;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * Over the candles of {@code range} among those given (others are ignored); empty when
	 * none of them was given.
	 */
	public static Optional<Excursion> over(Direction direction, BigDecimal entryPrice, CandleRange range,
			List<Candle> candles) {
		BigDecimal lowest = null;
		BigDecimal highest = null;
		for (Candle candle : candles) {
			if (range.contains(candle.openTime())) {
				lowest = lowest == null ? candle.low() : lowest.min(candle.low());
				highest = highest == null ? candle.high() : highest.max(candle.high());
			}
		}
		if (lowest == null) {
			return Optional.empty();
		}
		boolean isLong = direction == Direction.LONG;
		BigDecimal mae = isLong ? lowest : highest;
		BigDecimal mfe = isLong ? highest : lowest;
		return Optional.of(new Excursion(range.interval(), mae, mfe, pct(direction, entryPrice, mae),
				pct(direction, entryPrice, mfe)));
	}

	private static BigDecimal pct(Direction direction, BigDecimal entryPrice, BigDecimal price) {
		if (entryPrice == null || entryPrice.signum() == 0) {
			return null;
		}
		BigDecimal gain = direction == Direction.LONG ? price.subtract(entryPrice) : entryPrice.subtract(price);
		return gain.multiply(HUNDRED).divide(entryPrice, PCT_SCALE, RoundingMode.HALF_EVEN);
	}
}
