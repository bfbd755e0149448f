package syncjob.binance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sleeps by advancing the fake clock, and remembers every wait. */
final class FakeSleeper implements Sleeper {

	private final FakeClock clock;

	private final List<Duration> sleeps = new ArrayList<>();

	FakeSleeper(FakeClock clock) {
		this.clock = clock;
	}

	@Override
	public synchronized void sleep(Duration duration) {
		sleeps.add(duration);
		clock.advance(duration);
	}

	synchronized List<Duration> sleeps() {
		return List.copyOf(sleeps);
	}

	synchronized Duration total() {
		return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
	}
}
