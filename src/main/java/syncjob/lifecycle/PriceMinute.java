package syncjob.lifecycle;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A 1-minute kline a commission is valued at: symbol {@code {asset}{quote}}, open time
 * {@code minute}. Ordered by minute, then symbol.
 */
public record PriceMinute(String symbol, Instant minute) implements Comparable<PriceMinute> {

	private static final Comparator<PriceMinute> ORDER = Comparator.comparing(PriceMinute::minute)
		.thenComparing(PriceMinute::symbol);

	public PriceMinute {
		Objects.requireNonNull(symbol, "symbol");
		Objects.requireNonNull(minute, "minute");
	}

	/** The kline of {@code asset}{@code quote} whose minute contains {@code time}. */
	public static PriceMinute of(String asset, String quoteAsset, Instant time) {
		return new PriceMinute(asset + quoteAsset, KlineInterval.M1.openTimeOf(time));
	}

	@Override
	public int compareTo(PriceMinute other) {
		return ORDER.compare(this, other);
	}
}
