package syncjob.binance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; shared by the client under test and the fake exchange. */
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

	/** Moves to {@code millis} unless the clock is already past it. */
	void advanceTo(long millis) {
		this.millis.accumulateAndGet(millis, Math::max);
	}

	void advance(Duration duration) {
		millis.addAndGet(duration.toMillis());
	}
}
