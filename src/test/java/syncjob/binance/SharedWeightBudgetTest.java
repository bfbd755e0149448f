package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import syncjob.simulator.MutableClock;

/**
 * One IP's budget shared by several accounts' clients: every lane spends the same per-minute
 * limit, and turns are fair, so a light account finishes within one budget minute of its time
 * alone however many threads a heavy account queues. Time is the fake clock's: budget minutes.
 */
class SharedWeightBudgetTest {

	private static final long MINUTE = 60_000;

	/** 95 usable per minute after the safety margin. */
	private static final int LIMIT = 100;

	private final MutableClock clock = MutableClock.at(SimulatedBinance.START);

	private final FakeSleeper sleeper = new FakeSleeper(clock);

	@Test
	void lanesSpendOneLimitBetweenThem() {
		WeightBudget shared = WeightBudget.shared(clock, sleeper, Duration.ofMinutes(5));
		WeightBudget alice = shared.lane("alice");
		WeightBudget bob = shared.lane("bob");
		alice.seedLimit(LIMIT);

		alice.complete(alice.reserve(30), OptionalInt.empty());
		bob.complete(bob.reserve(40), OptionalInt.empty());

		assertThat(bob.limitPerMinute()).isEqualTo(LIMIT);
		assertThat(shared.usedThisMinute()).isEqualTo(70);
		assertThat(alice.usedThisMinute()).isEqualTo(70);
		assertThat(shared.grantedByLane()).containsEntry("alice", 30L).containsEntry("bob", 40L);
		assertThat(sleeper.sleeps()).isEmpty();
	}

	@Test
	void aLaneOverItsShareWaitsWhileAnotherLaneIsActiveThenTakesTheRoomItLeft() {
		WeightBudget shared = WeightBudget.shared(clock, sleeper, Duration.ofMinutes(5));
		WeightBudget heavy = shared.lane("heavy");
		WeightBudget light = shared.lane("light");
		heavy.seedLimit(LIMIT);
		light.complete(light.reserve(5), OptionalInt.empty());
		long started = clock.millis();

		// shares are 47 each of the 95 usable: 42 of the light lane's stay kept for it while it is active
		heavy.complete(heavy.reserve(45), OptionalInt.empty());
		heavy.complete(heavy.reserve(5), OptionalInt.empty());

		assertThat(clock.millis() - started).as("waited until the light lane had been quiet long enough")
			.isGreaterThan(WeightBudget.LANE_ACTIVE_MILLIS);
		assertThat(clock.millis() / MINUTE).as("within the same minute").isEqualTo(started / MINUTE);
		assertThat(shared.usedThisMinute()).isEqualTo(55);
	}

	@Test
	void aLaneThatWentQuietKeepsNoShareSoTheBusyLaneSpendsTheMinute() {
		WeightBudget shared = WeightBudget.shared(clock, sleeper, Duration.ofMinutes(5));
		WeightBudget heavy = shared.lane("heavy");
		WeightBudget quiet = shared.lane("quiet");
		heavy.seedLimit(LIMIT);
		quiet.complete(quiet.reserve(5), OptionalInt.empty());
		long minute = clock.millis() / MINUTE;

		// the quiet lane's account waits for its next batch: it reserves nothing for longer than a chain's pause
		clock.advance(Duration.ofMillis(WeightBudget.LANE_ACTIVE_MILLIS + 1));
		heavy.complete(heavy.reserve(45), OptionalInt.empty());
		heavy.complete(heavy.reserve(45), OptionalInt.empty());

		assertThat(clock.millis() / MINUTE).as("no wait for the next minute").isEqualTo(minute);
		assertThat(shared.usedThisMinute()).isEqualTo(95);
		assertThat(sleeper.sleeps()).isEmpty();
	}

	@Test
	void aLaneAloneSpendsTheWholeMinute() {
		WeightBudget shared = WeightBudget.shared(clock, sleeper, Duration.ofMinutes(5));
		WeightBudget heavy = shared.lane("heavy");
		shared.lane("idle");
		heavy.seedLimit(LIMIT);

		for (int i = 0; i < 19; i++) {
			heavy.complete(heavy.reserve(5), OptionalInt.empty());
		}

		assertThat(shared.usedThisMinute()).isEqualTo(95);
		assertThat(sleeper.sleeps()).isEmpty();
	}

	@Test
	void aPauseOfOneLanePausesEveryLane() {
		WeightBudget shared = WeightBudget.shared(clock, sleeper, Duration.ofMinutes(5));
		WeightBudget alice = shared.lane("alice");
		WeightBudget bob = shared.lane("bob");

		alice.pause(clock.instant().plusSeconds(10), "rate limited by Binance (HTTP 429)");
		bob.reserve(1);

		assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(10));
	}

	@Test
	void aLightAccountFinishesWithinOneBudgetMinuteOfItsTimeAloneBesideAHeavyOne() throws Exception {
		// a light account needs 30 (two threads of 15), under a third of the 95 usable a minute
		long aloneMinutes = minutesToFinish(Map.of("light-a", 2), Map.of("light-a", 15)).get("light-a");

		// the heavy account needs ten times a light one's weight and queues from four threads at once
		Map<String, Long> shared = minutesToFinish(Map.of("heavy", 4, "light-a", 2, "light-b", 2),
				Map.of("heavy", 75, "light-a", 15, "light-b", 15));

		assertThat(shared.get("light-a")).isLessThanOrEqualTo(aloneMinutes + 1);
		assertThat(shared.get("light-b")).isLessThanOrEqualTo(aloneMinutes + 1);
		// its 300 weight needs at least three budget minutes whatever the order
		assertThat(shared.get("heavy")).isGreaterThanOrEqualTo(3);
	}

	/**
	 * Every caller sleeps until later or waits for a turn that a sleeping caller holds: only
	 * time can help.
	 */
	private static boolean stuck(WeightBudget budget, Map<Thread, Long> sleepers, long now, int running) {
		int waiting = budget.waitingCallers();
		long sleeping = sleepers.values().stream().filter(target -> target > now).count();
		return waiting + sleeping >= running && (waiting == 0 || budget.turnTaken());
	}

	/**
	 * Runs {@code threads} callers per lane, each reserving weight 5 until it has spent its
	 * lane's {@code weightPerThread}, all starting together on a fresh budget; returns per lane
	 * the budget minutes from the start to its last grant.
	 */
	private Map<String, Long> minutesToFinish(Map<String, Integer> threads, Map<String, Integer> weightPerThread)
			throws Exception {
		FakeClock time = new FakeClock(SimulatedBinance.START);
		int total = threads.values().stream().mapToInt(Integer::intValue).sum();
		AtomicInteger running = new AtomicInteger(total);
		AtomicReference<WeightBudget> holder = new AtomicReference<>();
		Map<Thread, Long> sleepers = new ConcurrentHashMap<>();
		// A wait takes no real time here, but on a real clock every other caller queues up or
		// sleeps meanwhile: the clock moves on only once no caller can be granted weight now.
		Sleeper queuedSleeper = duration -> {
			long target = time.millis() + duration.toMillis();
			sleepers.put(Thread.currentThread(), target);
			try {
				while (time.millis() < target && !stuck(holder.get(), sleepers, time.millis(), running.get())) {
					Thread.onSpinWait();
				}
				time.advanceTo(target);
			}
			finally {
				sleepers.remove(Thread.currentThread());
			}
		};
		WeightBudget budget = WeightBudget.shared(time, queuedSleeper, Duration.ofMinutes(5));
		holder.set(budget);
		budget.seedLimit(LIMIT);
		long startMinute = time.millis() / MINUTE;
		Map<String, Long> finished = new ConcurrentHashMap<>();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(total);
		try {
			List<Future<?>> callers = new ArrayList<>();
			threads.forEach((lane, count) -> {
				WeightBudget mine = budget.lane(lane);
				for (int t = 0; t < count; t++) {
					callers.add(pool.submit(() -> {
						start.await();
						try {
							for (int spent = 0; spent < weightPerThread.get(lane); spent += 5) {
								mine.complete(mine.reserve(5), OptionalInt.empty());
								finished.merge(lane, time.millis() / MINUTE - startMinute, Math::max);
							}
						}
						finally {
							running.decrementAndGet();
						}
						return null;
					}));
				}
			});
			start.countDown();
			for (Future<?> future : callers) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		return finished;
	}
}
