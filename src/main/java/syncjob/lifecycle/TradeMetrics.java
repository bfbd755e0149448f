package syncjob.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The columns of a closed lifecycle that follow from its parts and net PnL alone. A ratio over
 * a zero denominator is null (validation rejects such a lifecycle).
 *
 * @param holdSeconds  whole seconds from entry to exit, floored
 * @param entryNotional sum of price * quantity of the opening parts, 12 dp
 * @param exitNotional  the same of the closing parts, 12 dp
 * @param netReturnPct  100 * net PnL / entryNotional (the rounded one), 8 dp
 * @param makerRatio    quantity filled as maker / all quantity, over every part, 12 dp
 */
public record TradeMetrics(long holdSeconds, BigDecimal entryNotional, BigDecimal exitNotional,
		BigDecimal netReturnPct, TradeResult result, BigDecimal makerRatio) {

	private static final int AMOUNT_SCALE = 12;

	private static final int PCT_SCALE = 8;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public static TradeMetrics of(Lifecycle lifecycle, BigDecimal netPnl) {
		BigDecimal entryNotional = BigDecimal.ZERO;
		BigDecimal exitNotional = BigDecimal.ZERO;
		BigDecimal makerQty = BigDecimal.ZERO;
		BigDecimal allQty = BigDecimal.ZERO;
		for (FillPart part : lifecycle.parts()) {
			BigDecimal notional = part.fill().price().multiply(part.qty());
			if (part.opening()) {
				entryNotional = entryNotional.add(notional);
			}
			else {
				exitNotional = exitNotional.add(notional);
			}
			allQty = allQty.add(part.qty());
			if (part.fill().maker()) {
				makerQty = makerQty.add(part.qty());
			}
		}
		// Duration keeps its seconds floored (its nanos are never negative)
		long holdSeconds = Duration.between(lifecycle.entryTime(), lifecycle.exitTime()).getSeconds();
		BigDecimal storedEntryNotional = entryNotional.setScale(AMOUNT_SCALE, RoundingMode.HALF_EVEN);
		BigDecimal netReturnPct = storedEntryNotional.signum() == 0 ? null
				: netPnl.multiply(HUNDRED).divide(storedEntryNotional, PCT_SCALE, RoundingMode.HALF_EVEN);
		BigDecimal makerRatio = allQty.signum() == 0 ? null
				: makerQty.divide(allQty, AMOUNT_SCALE, RoundingMode.HALF_EVEN);
		return new TradeMetrics(holdSeconds, storedEntryNotional,
				exitNotional.setScale(AMOUNT_SCALE, RoundingMode.HALF_EVEN), netReturnPct, TradeResult.of(netPnl),
				makerRatio);
	}
}
