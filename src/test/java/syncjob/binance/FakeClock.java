package syncjob.binance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to; shared by the client under test and the exchange. It
 * remembers the time each thread last read, so that {@link FakeSleeper} can wake a thread when
 * real time would: at the time it read plus the wait it computed from it.
 */
final class FakeClock extends Clock {

	private final AtomicLong millis;

	private final ThreadLocal<Long> lastRead = new ThreadLocal<>();

	FakeClock(Instant start) {
		this.millis = new AtomicLong(start.toEpochMilli());
	}

	@Override
	public long millis() {
		long now = millis.get();
		lastRead.set(now);
		return now;
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

	/** The time, without counting as this thread's read: the exchange's view of the same clock. */
	long millisUnread() {
		return millis.get();
	}

	void advance(Duration duration) {
		millis.addAndGet(duration.toMillis());
	}

	/** Moves the clock to {@code wakeUp} unless it is there already: waits of several threads overlap. */
	void advanceTo(long wakeUp) {
		millis.accumulateAndGet(wakeUp, Math::max);
	}

	/** The time the calling thread last read; now when it never read. */
	long lastReadByThisThread() {
		Long read = lastRead.get();
		return read == null ? millis.get() : read;
	}
}
