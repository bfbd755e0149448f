package syncjob.binance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import syncjob.lifecycle.MinuteCloses;
import syncjob.lifecycle.PriceMinute;

/**
 * The 1-minute closes other-asset commissions are valued at, as served (from Binance or the
 * cache); a minute that is absent was not served.
 *
 * @param notes what was not served, for the log
 * @param calls requests sent to Binance (retries included), and their {@code weight}
 */
public record ServedCloses(Map<PriceMinute, BigDecimal> closes, List<String> notes, int calls, int weight)
		implements MinuteCloses {

	public ServedCloses {
		closes = Map.copyOf(closes);
		notes = List.copyOf(notes);
	}

	/** Nothing: no commission in another asset needs a price, or the valuation is off. */
	public static ServedCloses none() {
		return new ServedCloses(Map.of(), List.of(), 0, 0);
	}

	@Override
	public Optional<BigDecimal> closeOf(PriceMinute kline) {
		return Optional.ofNullable(closes.get(kline));
	}

}
