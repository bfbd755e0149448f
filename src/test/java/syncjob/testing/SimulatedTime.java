package syncjob.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

import syncjob.binance.Sleeper;
import syncjob.simulator.MutableClock;

/**
 * One simulated time for the job's Binance client and the simulated exchange: every wait of
 * the client (backoff, weight budget, 429 pause) advances the shared clock instead of
 * spending real time, so minute-long rate-limit waits cost nothing in a test. Installed for
 * the runs of one test by {@link #install}, and read by {@link SimulatedTimeApplication}.
 */
public final class SimulatedTime implements AutoCloseable {

	private static volatile SimulatedTime current;

	private final MutableClock clock;

	private final Consumer<Instant> afterAdvance;

	private SimulatedTime(MutableClock clock, Consumer<Instant> afterAdvance) {
		this.clock = clock;
		this.afterAdvance = afterAdvance;
	}

	/**
	 * @param afterAdvance told the new time after each wait of the client (on the waiting
	 * thread), e.g. to let another client spend weight in a new minute
	 */
	public static SimulatedTime install(MutableClock clock, Consumer<Instant> afterAdvance) {
		SimulatedTime time = new SimulatedTime(Objects.requireNonNull(clock), Objects.requireNonNull(afterAdvance));
		current = time;
		return time;
	}

	static SimulatedTime current() {
		SimulatedTime time = current;
		if (time == null) {
			throw new IllegalStateException("SimulatedTime.install(...) first");
		}
		return time;
	}

	public MutableClock clock() {
		return this.clock;
	}

	Clock jobClock() {
		return this.clock;
	}

	Sleeper sleeper() {
		return this::advance;
	}

	private void advance(Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			return;
		}
		this.clock.advance(duration);
		this.afterAdvance.accept(this.clock.instant());
	}

	@Override
	public void close() {
		current = null;
	}

}
