package syncjob.binance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import syncjob.simulator.MutableClock;

/**
 * Sleeps by moving the fake clock, and remembers every wait. Alone, a sleeping thread moves the
 * clock at once. Threads that {@link #enter()} move it together, as in a discrete-event
 * simulation: time passes only while every one of them sleeps, and then only to the earliest
 * wake-up. So no thread's request is in flight while the clock jumps (its timestamp stays
 * valid), and eight threads waiting for the same next minute move the clock there once.
 */
final class FakeSleeper implements Sleeper {

	private final MutableClock clock;

	private final List<Duration> sleeps = new ArrayList<>();

	private final Map<Thread, Instant> sleeping = new HashMap<>();

	private int entered;

	/** Threads that take part but wait elsewhere for a sleeper, e.g. for the weight budget's turn. */
	private IntSupplier waitingElsewhere = () -> 0;

	FakeSleeper(MutableClock clock) {
		this.clock = clock;
	}

	/**
	 * Counts the threads {@code waiting} reports as asleep: a thread queued behind a sleeping one
	 * (for the budget's turn) cannot make a request either, so the clock may move without it.
	 */
	synchronized void alsoWaiting(IntSupplier waiting) {
		this.waitingElsewhere = waiting;
	}

	/** The calling thread takes part until it {@link #leave()}s: the clock waits for it. */
	synchronized void enter() {
		entered++;
	}

	synchronized void leave() {
		entered--;
		moveWhenAllSleep();
		notifyAll();
	}

	@Override
	public synchronized void sleep(Duration duration) throws InterruptedException {
		sleeps.add(duration);
		Instant wakeUp = clock.instant().plus(duration);
		if (entered == 0) {
			advanceTo(wakeUp);
			return;
		}
		sleeping.put(Thread.currentThread(), wakeUp);
		try {
			moveWhenAllSleep();
			notifyAll();
			while (clock.instant().isBefore(wakeUp)) {
				// threads queueing elsewhere do not notify this lock: look again now and then
				wait(20);
				moveWhenAllSleep();
			}
		}
		finally {
			sleeping.remove(Thread.currentThread());
		}
	}

	private void moveWhenAllSleep() {
		if (!sleeping.isEmpty() && sleeping.size() + waitingElsewhere.getAsInt() >= entered) {
			sleeping.values().stream().min(Instant::compareTo).ifPresent(this::advanceTo);
			notifyAll();
		}
	}

	/** Only sleepers move the clock, and they hold this lock. */
	private void advanceTo(Instant wakeUp) {
		if (wakeUp.isAfter(clock.instant())) {
			clock.set(wakeUp);
		}
	}

	synchronized List<Duration> sleeps() {
		return List.copyOf(sleeps);
	}

	synchronized Duration total() {
		return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
	}
}
