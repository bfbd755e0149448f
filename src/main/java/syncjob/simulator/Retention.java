package syncjob.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How far back an endpoint serves records: either calendar months counted back from the
 * server's time in UTC (Binance: income "the last three months", fills "the past 6 months"),
 * or a fixed duration (tests pin e.g. 100 days). A record is served when its time is at or
 * after {@link #horizon(Instant)}.
 *
 * @param months calendar months, or 0 when {@code duration} applies
 * @param duration the fixed span, or null when {@code months} applies
 */
public record Retention(int months, Duration duration) {

	public Retention {
		if (duration == null ? months <= 0 : months != 0 || duration.isNegative()) {
			throw new IllegalArgumentException("a retention is either positive calendar months or a non-negative duration");
		}
	}

	public static Retention calendarMonths(int months) {
		return new Retention(months, null);
	}

	public static Retention of(Duration duration) {
		return new Retention(0, Objects.requireNonNull(duration, "duration"));
	}

	public static Retention days(int days) {
		return of(Duration.ofDays(days));
	}

	/** The oldest time still served at server time {@code now}. */
	public Instant horizon(Instant now) {
		return duration != null ? now.minus(duration) : now.atZone(ZoneOffset.UTC).minusMonths(months).toInstant();
	}

	@Override
	public String toString() {
		return duration != null ? duration.toDays() + " days" : months + " calendar months";
	}
}
