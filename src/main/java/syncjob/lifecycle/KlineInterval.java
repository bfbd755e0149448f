package syncjob.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kline intervals an excursion may be measured in, finest first. Candles are aligned to
 * their interval from the epoch, as Binance's are; {@code 1d} candles are UTC days.
 */
public enum KlineInterval {

	M1("1m", 60), M3("3m", 180), M5("5m", 300), M15("15m", 900), M30("30m", 1_800), H1("1h", 3_600),
	H2("2h", 7_200), H4("4h", 14_400), H6("6h", 21_600), H8("8h", 28_800), H12("12h", 43_200), D1("1d", 86_400);

	private final String code;

	private final long seconds;

	KlineInterval(String code, long seconds) {
		this.code = code;
		this.seconds = seconds;
	}

	/** Binance's name of the interval ({@code interval} parameter, {@code excursion_interval} column). */
	public String code() {
		return code;
	}

	public Duration length() {
		return Duration.ofSeconds(seconds);
	}

	/** Open time of the candle containing {@code t}. */
	public Instant openTimeOf(Instant t) {
		// every interval is whole seconds, so flooring the seconds floors the instant
		return Instant.ofEpochSecond(index(t) * seconds);
	}

	/**
	 * Number of candles from the one containing {@code from} to the one containing {@code to},
	 * both counted; {@code from} must not be after {@code to}.
	 */
	public long candlesCovering(Instant from, Instant to) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException(to + " is before " + from);
		}
		return index(to) - index(from) + 1;
	}

	public static Optional<KlineInterval> ofCode(String code) {
		return Arrays.stream(values()).filter(interval -> interval.code.equals(code)).findFirst();
	}

	private long index(Instant t) {
		return Math.floorDiv(t.getEpochSecond(), seconds);
	}
}
