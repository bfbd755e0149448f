package syncjob.lifecycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The journal columns of a closed lifecycle beyond its basic row (SPEC section 3b), with the
 * warnings for the ones left null because Binance did not serve their inputs. Nullable: the
 * ratios over a zero denominator, {@code closeReason}, {@code feeOtherQuote},
 * {@code netPnlAllFees} and the five excursion columns.
 *
 * @param warnings {@link NotServed} texts, fee prices first (ascending), then klines; the
 *                 integrator appends them to the row's warnings
 */
public record TradeDetails(String quoteAsset, long holdSeconds, BigDecimal entryNotional, BigDecimal exitNotional,
		BigDecimal netReturnPct, TradeResult result, BigDecimal makerRatio, CloseReason closeReason,
		BigDecimal feeOtherQuote, BigDecimal netPnlAllFees, KlineInterval excursionInterval, BigDecimal maePrice,
		BigDecimal mfePrice, BigDecimal maePct, BigDecimal mfePct, List<String> warnings) {

	public TradeDetails {
		Objects.requireNonNull(quoteAsset, "quoteAsset");
		Objects.requireNonNull(result, "result");
		warnings = List.copyOf(warnings);
	}

	/**
	 * @param base          the lifecycle's row from {@link TradeAggregator} (its net PnL, entry
	 *                      price and direction are read)
	 * @param ordersById    the symbol's orders as served (empty when not fetched)
	 * @param ordersFetched false when orders were not fetched at all ({@code sync.include-orders})
	 * @param feePrices     the 1-minute closes of {@link #klinesNeeded} as served
	 * @param candles       empty when excursions are off; else the candles of
	 *                      {@link #candlesNeeded} as served (an empty list when none were)
	 */
	public static TradeDetails of(Lifecycle lifecycle, TradeEntry base, String quoteAsset,
			Map<Long, Order> ordersById, boolean ordersFetched, MinuteCloses feePrices,
			Optional<List<Candle>> candles) {
		return of(lifecycle, base, quoteAsset, ordersById, ordersFetched, Optional.of(feePrices), candles);
	}

	/**
	 * As {@link #of(Lifecycle, TradeEntry, String, Map, boolean, MinuteCloses, Optional)}, with
	 * the valuation of other-asset fees that may be off too.
	 *
	 * @param feePrices empty when the valuation is off ({@code sync.value-other-fees}): then
	 *                  {@code feeOtherQuote} and {@code netPnlAllFees} are null without a warning
	 */
	public static TradeDetails of(Lifecycle lifecycle, TradeEntry base, String quoteAsset,
			Map<Long, Order> ordersById, boolean ordersFetched, Optional<MinuteCloses> feePrices,
			Optional<List<Candle>> candles) {
		TradeMetrics metrics = TradeMetrics.of(lifecycle, base.netPnl());
		CloseReason closeReason = CloseReason.of(lifecycle, ordersById, ordersFetched).orElse(null);
		FeeValuation fee = feePrices.map(prices -> FeeValuation.of(lifecycle, quoteAsset, prices))
			.orElse(new FeeValuation(null, List.of()));
		BigDecimal netPnlAllFees = fee.feeOtherQuote() == null ? null
				: base.netPnl().subtract(fee.feeOtherQuote());
		List<String> warnings = new ArrayList<>(fee.warnings());
		Excursion excursion = null;
		if (candles.isPresent()) {
			CandleRange range = candlesNeeded(lifecycle);
			excursion = Excursion.over(lifecycle.direction(), base.entryPrice(), range, candles.get()).orElse(null);
			if (excursion == null) {
				warnings.add(NotServed.klines(lifecycle.stream().symbol(), range));
			}
		}
		return new TradeDetails(quoteAsset, metrics.holdSeconds(), metrics.entryNotional(), metrics.exitNotional(),
				metrics.netReturnPct(), metrics.result(), metrics.makerRatio(), closeReason, fee.feeOtherQuote(),
				netPnlAllFees, excursion == null ? null : excursion.interval(),
				excursion == null ? null : excursion.maePrice(), excursion == null ? null : excursion.mfePrice(),
				excursion == null ? null : excursion.maePct(), excursion == null ? null : excursion.mfePct(),
				warnings);
	}

	/** The lifecycle's candles to request for its excursion, in the symbol's last-price klines. */
	public static CandleRange candlesNeeded(Lifecycle lifecycle) {
		return CandleRange.covering(lifecycle.entryTime(), lifecycle.exitTime());
	}

	/** The 1-minute klines to request for its {@code fee_other_quote}. */
	public static SortedSet<PriceMinute> klinesNeeded(Lifecycle lifecycle, String quoteAsset) {
		return FeeValuation.klinesNeeded(lifecycle, quoteAsset);
	}
}
