package syncjob.binance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; shared by the client under test and the exchange. */
final class FakeClock extends Clock {

	private final AtomicLong millis;

	FakeClock(Instant start) {
		this.millis = new AtomicLong(start.toEpochMilli());
	}

	@Override
	public long millis() {
		return millis.get();
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(millis());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

	void advance(Duration duration) {
		millis.addAndGet(duration.toMillis());
	}

	/** Moves the clock to {@code instant} unless it is there already. */
	void advanceTo(Instant instant) {
		millis.accumulateAndGet(instant.toEpochMilli(), Math::max);
	}
}
