package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import syncjob.lifecycle.PositionSide;
import syncjob.simulator.MutableClock;

class WeightBudgetTest {

	private final MutableClock clock = MutableClock.at(SimulatedBinance.START);

	private final FakeSleeper sleeper = new FakeSleeper(clock);

	private final WeightBudget budget = new WeightBudget(clock, sleeper, Duration.ofMinutes(5));

	@Test
	void reservationPastTheLimitWaitsForTheNextMinute() {
		// given a limit of 100 (95 usable after the safety margin) of which 95 is spent
		budget.seedLimit(100);
		for (int i = 0; i < 19; i++) {
			budget.complete(budget.reserve(5), OptionalInt.empty());
		}

		// when
		budget.reserve(5);

		// then the clock was 30 s into its minute
		assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(30));
		assertThat(budget.usedThisMinute()).isEqualTo(5);
	}

	@Test
	void serverReportedWeightRaisesTheCount() {
		// given another process spent weight from the same IP
		budget.seedLimit(100);
		WeightBudget.Ticket ticket = budget.reserve(5);

		// when
		budget.complete(ticket, OptionalInt.of(92));
		budget.reserve(5);

		// then
		assertThat(sleeper.sleeps()).hasSize(1);
	}

	@Test
	void weightInFlightWhenTheMinuteTurnsCountsInTheNewMinute() {
		// given
		budget.seedLimit(100);
		WeightBudget.Ticket ticket = budget.reserve(30);

		// when the minute turns before the response arrives
		clock.advance(Duration.ofSeconds(45));
		int usedWhileInFlight = budget.usedThisMinute();
		budget.complete(ticket, OptionalInt.empty());

		// then
		assertThat(usedWhileInFlight).isEqualTo(30);
		assertThat(budget.usedThisMinute()).isEqualTo(30);
	}

	@Test
	void eightThreadsTogetherStayInsideASmallLimit() throws Exception {
		// given an exchange counting 100 weight per minute, far below what eight threads want
		TestAccount account = new TestAccount().position("BTCUSDT", PositionSide.BOTH, "1", SimulatedBinance.START);
		try (SimulatedBinance exchange = SimulatedBinance.serving(account, options -> options.weightLimit(100))) {
			BinanceClient client = exchange.client();
			client.exchangeInfo();
			client.positions();
			// the budget lets one caller at a time wait for the next minute; the others queue for their turn
			exchange.sleeper.alsoWaiting(() -> client.budget().waitingCallers());
			ExecutorService pool = Executors.newFixedThreadPool(8);

			// when each thread reads positions 15 times (weight 5 each: 600 in all)
			List<Future<Integer>> results = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				results.add(pool.submit(() -> {
					// the clock moves only while all the threads wait, as real time would for requests this fast
					exchange.sleeper.enter();
					try {
						int read = 0;
						for (int call = 0; call < 15; call++) {
							read += client.positions().size();
						}
						return read;
					}
					finally {
						exchange.sleeper.leave();
					}
				}));
			}
			int read = 0;
			for (Future<Integer> result : results) {
				read += result.get(60, TimeUnit.SECONDS);
			}
			pool.shutdown();

			// then the exchange never counted more than the limit in a minute, and pacing took minutes
			assertThat(read).isEqualTo(120);
			assertThat(exchange.requests(Endpoint.POSITION_RISK.path())).hasSize(121)
				.allSatisfy(entry -> assertThat(entry.status()).isEqualTo(200));
			assertThat(exchange.maxWeightInAnyMinute()).isLessThanOrEqualTo(100);
			assertThat(exchange.rejectedForWeight()).isZero();
			assertThat(client.stats().rateLimited()).isZero();
			assertThat(client.stats().retries()).isZero();
			// over 600 weight at 95 usable per clock minute needs a seventh clock minute; START is 30 s
			// into its minute, so that one begins 5 min 30 s after it (how much sooner the threads get
			// there depends on what is in flight when a minute turns, which is theirs to interleave)
			assertThat(Duration.between(SimulatedBinance.START, exchange.now()))
				.isGreaterThanOrEqualTo(Duration.ofMinutes(5).plusSeconds(30));
		}
	}
}
