package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One kline (a row of {@code GET /fapi/v1/klines}, last price), as far as the journal reads it. */
public record Candle(Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close) {

	public Candle {
		Objects.requireNonNull(openTime, "openTime");
		Objects.requireNonNull(open, "open");
		Objects.requireNonNull(high, "high");
		Objects.requireNonNull(low, "low");
		Objects.requireNonNull(close, "close");
	}
}
