package syncjob.lifecycle;

import java.util.Objects;
import java.util.Optional;

/**
 * The klines one symbol's rows are valued with, as Binance served them. Either use may be off:
 * its columns are then null without a warning.
 *
 * @param feePrices 1-minute closes for {@code fee_other_quote}; empty when
 *                  {@code sync.value-other-fees} is false
 * @param candles   the symbol's own candles for the excursion columns; empty when
 *                  {@code sync.excursions} is false
 */
public record ServedKlines(Optional<MinuteCloses> feePrices, Optional<CandleSource> candles) {

	public ServedKlines {
		Objects.requireNonNull(feePrices, "feePrices");
		Objects.requireNonNull(candles, "candles");
	}

	/** Both uses off. */
	public static ServedKlines off() {
		return new ServedKlines(Optional.empty(), Optional.empty());
	}

}
