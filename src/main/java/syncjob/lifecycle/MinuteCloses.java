package syncjob.lifecycle;

import java.math.BigDecimal;
import java.util.Optional;

/** 1-minute closes as Binance served them, for valuing commissions paid in another asset. */
@FunctionalInterface
public interface MinuteCloses {

	/**
	 * The close of that kline; empty when Binance did not serve it (no such symbol, or no
	 * candle at that minute).
	 */
	Optional<BigDecimal> closeOf(PriceMinute kline);

	/** Nothing served. */
	static MinuteCloses none() {
		return kline -> Optional.empty();
	}
}
