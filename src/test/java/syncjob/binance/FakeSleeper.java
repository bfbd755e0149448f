package syncjob.binance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sleeps by moving the fake clock, and remembers every wait. A thread wakes at the time it last
 * read plus its wait, as in real time: eight threads waiting for the same next minute move the
 * clock to it once, not eight waits on.
 */
final class FakeSleeper implements Sleeper {

	private final FakeClock clock;

	private final List<Duration> sleeps = new ArrayList<>();

	FakeSleeper(FakeClock clock) {
		this.clock = clock;
	}

	@Override
	public void sleep(Duration duration) {
		synchronized (this) {
			sleeps.add(duration);
		}
		clock.advanceTo(clock.lastReadByThisThread() + duration.toMillis());
	}

	synchronized List<Duration> sleeps() {
		return List.copyOf(sleeps);
	}

	synchronized Duration total() {
		return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
	}
}
