package syncjob.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code fee_other_quote}: the commissions a lifecycle paid in assets other than its quote
 * asset, valued in the quote asset at the close of the minute each part was filled in.
 *
 * @param feeOtherQuote null when a price was not served
 * @param warnings      one {@link NotServed#feePrice} per missing kline, ascending
 */
public record FeeValuation(BigDecimal feeOtherQuote, List<String> warnings) {

	private static final int SCALE = 12;

	public FeeValuation {
		warnings = List.copyOf(warnings);
	}

	/**
	 * The klines {@link #of} reads, ascending, each once. A part with zero commission needs
	 * none: its value is 0 at any price.
	 */
	public static SortedSet<PriceMinute> klinesNeeded(Lifecycle lifecycle, String quoteAsset) {
		SortedSet<PriceMinute> needed = new TreeSet<>();
		for (FillPart part : lifecycle.parts()) {
			if (isOther(part, quoteAsset)) {
				needed.add(PriceMinute.of(part.fill().commissionAsset(), quoteAsset, part.time()));
			}
		}
		return needed;
	}

	/** Sums {@code commission * close} exactly and rounds once, half-even to 12 dp. */
	public static FeeValuation of(Lifecycle lifecycle, String quoteAsset, MinuteCloses closes) {
		BigDecimal sum = BigDecimal.ZERO;
		SortedSet<PriceMinute> missing = new TreeSet<>();
		for (FillPart part : lifecycle.parts()) {
			if (!isOther(part, quoteAsset)) {
				continue;
			}
			PriceMinute kline = PriceMinute.of(part.fill().commissionAsset(), quoteAsset, part.time());
			Optional<BigDecimal> close = closes.closeOf(kline);
			if (close.isPresent()) {
				sum = sum.add(part.commission().multiply(close.get()));
			}
			else {
				missing.add(kline);
			}
		}
		if (!missing.isEmpty()) {
			List<String> warnings = new ArrayList<>();
			missing.forEach(kline -> warnings.add(NotServed.feePrice(kline)));
			return new FeeValuation(null, warnings);
		}
		return new FeeValuation(sum.setScale(SCALE, RoundingMode.HALF_EVEN), List.of());
	}

	private static boolean isOther(FillPart part, String quoteAsset) {
		return !part.fill().commissionAsset().equals(quoteAsset) && part.commission().signum() != 0;
	}
}
