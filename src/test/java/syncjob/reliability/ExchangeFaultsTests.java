package syncjob.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import syncjob.simulator.AccountGenerator;
import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.MutableClock;
import syncjob.simulator.RequestLogEntry;
import syncjob.simulator.SimulatedAccount;
import syncjob.simulator.SimulatorOptions;
import syncjob.simulator.TimeoutMode;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.SimulatedTime;
import syncjob.testing.SimulatedTimeApplication;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.reliability.Runs.assertExact;
import static syncjob.reliability.Runs.assertNeverBanned;
import static syncjob.reliability.Runs.statusCount;
import static syncjob.reliability.Runs.window;

/**
 * The exchange misbehaving as Binance does on a bad day, each run judged by the ground
 * truth: the journal ends exact, and the client never earns a 418.
 */
class ExchangeFaultsTests {

	private TestDatabase database;

	private final List<AutoCloseable> resources = new ArrayList<>();

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.h2();
	}

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
		this.database.close();
	}

	private ExchangeFixture exchange(long seed, int symbols, UnaryOperator<SimulatorOptions.Builder> options) {
		SimulatedAccount account = AccountGenerator.generate(GeneratorConfig.of(seed, symbols, 40, Instant.now()));
		ExchangeFixture exchange = ExchangeFixture.start(account, (o) -> options.apply(o.seed(seed)), 180);
		this.resources.add(exchange);
		return exchange;
	}

	private SyncCommandRunner runner(ExchangeFixture exchange, String... options) {
		List<String> all = new ArrayList<>(exchange.options());
		all.addAll(List.of(options));
		return new SyncCommandRunner(this.database, all);
	}

	@Test
	void serverErrorsOnTenPercentOfCallsAreRetriedAndTheRunIsExact() {
		ExchangeFixture exchange = exchange(101, 8, (o) -> o.serverErrorRate(0.10));
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(20));

		SyncCommandRunner.Result result = runner(exchange).run(window(from, to));

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(statusCount(exchange, 500) + statusCount(exchange, 502) + statusCount(exchange, 503))
			.as("server errors met")
			.isPositive();
		assertExact(this.database, exchange, from, to);
		assertNeverBanned(exchange);
	}

	@ParameterizedTest
	@EnumSource(TimeoutMode.class)
	void timeoutsOnTenPercentOfCallsAreRetriedAndTheRunIsExact(TimeoutMode mode) {
		// HOLD answers after 2 s, too late for a 1 s read timeout; CLOSE drops the connection
		ExchangeFixture exchange = exchange(102, 8, (o) -> o.timeoutRate(0.10)
			.timeoutMode(mode)
			.timeoutHold(Duration.ofSeconds(2)));
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(20));

		SyncCommandRunner.Result result = runner(exchange, "--binance.read-timeout=1s").run(window(from, to));

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(exchange.requests().size()).as("calls").isGreaterThan(20);
		assertExact(this.database, exchange, from, to);
		assertNeverBanned(exchange);
	}

	@ParameterizedTest
	@ValueSource(longs = { 1500, -6000 })
	void aSkewedServerClockIsMeasuredAndTheRunIsExact(long skewMillis) {
		ExchangeFixture exchange = exchange(103, 6, (o) -> o.skew(Duration.ofMillis(skewMillis)));
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(20));

		SyncCommandRunner.Result result = runner(exchange).run(window(from, to));

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertExact(this.database, exchange, from, to);
		assertNeverBanned(exchange);
	}

	@Test
	void truncatedBodiesAreRetriedAndTheRunIsExact() {
		ExchangeFixture exchange = exchange(104, 8, (o) -> o.malformedRate(0.10));
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(20));

		SyncCommandRunner.Result result = runner(exchange).run(window(from, to));

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertExact(this.database, exchange, from, to);
		assertNeverBanned(exchange);
	}

	/**
	 * Binance counts weight per clock minute, so a real 429 costs up to a minute of waiting.
	 * The client and the exchange share a simulated clock instead (every wait of the client
	 * advances it), which keeps the test fast and exact. Another client fills the minute
	 * before the run and again in each of the next two minutes the run reaches; the run is
	 * one partition at a time, so nothing is in flight when a 429 lands, and the exchange
	 * tolerates no request at all after a 429 in the same minute.
	 */
	@Test
	void burstsOf429FromAnotherClientArePausedOutWithoutA418() {
		int limit = 1200;
		MutableClock clock = MutableClock.at(Instant.now());
		ExchangeFixture exchange = exchange(105, 8,
				(o) -> o.clock(clock).weightLimit(limit).graceRequestsAfter429(0));
		WeightBurner burner = new WeightBurner(exchange.exchange(), clock, limit);
		long[] burnedMinute = { minute(clock.instant()) };
		int[] bursts = { 1 };
		SimulatedTime time = SimulatedTime.install(clock, (now) -> {
			synchronized (bursts) {
				if (minute(now) != burnedMinute[0] && bursts[0] < 3) {
					burnedMinute[0] = minute(now);
					bursts[0]++;
					burner.burnRestOfMinute();
				}
			}
		});
		this.resources.add(time);
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(20));
		burner.burnRestOfMinute();

		SyncCommandRunner.Result result = new SyncCommandRunner(this.database,
				concat(exchange.options(), "--sync.max-parallel-partitions=1"), SimulatedTimeApplication.class)
			.run(window(from, to));

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(bursts[0]).isEqualTo(3);
		assertThat(statusCount(exchange, 429)).as("one 429 per burst").isEqualTo(3);
		assertNeverBanned(exchange);
		assertExact(this.database, exchange, from, to);
	}

	/**
	 * A budget of 300 weight a minute, which this run needs several minutes of: the client
	 * paces itself across minute boundaries (on the shared simulated clock, as above) and
	 * never sends a request the exchange must refuse.
	 */
	@Test
	void aSmallWeightBudgetIsPacedAcrossMinutesWithoutA429() {
		int limit = 300;
		MutableClock clock = MutableClock.at(Instant.now());
		ExchangeFixture exchange = exchange(106, 8, (o) -> o.clock(clock).weightLimit(limit));
		this.resources.add(SimulatedTime.install(clock, (now) -> {
		}));
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(20));

		SyncCommandRunner.Result result = new SyncCommandRunner(this.database, exchange.options(),
				SimulatedTimeApplication.class)
			.run(window(from, to));

		assertThat(result.exitCode()).as(result.err()).isZero();
		Map<Long, Integer> weightByMinute = new TreeMap<>();
		for (RequestLogEntry request : exchange.requests()) {
			weightByMinute.merge(minute(request.time()), request.weight(), Integer::sum);
		}
		assertThat(weightByMinute).as("the run needed more than one minute's budget").hasSizeGreaterThan(1);
		assertThat(weightByMinute.values()).allSatisfy((weight) -> assertThat(weight).isLessThanOrEqualTo(limit));
		assertThat(statusCount(exchange, 429)).isZero();
		assertNeverBanned(exchange);
		assertExact(this.database, exchange, from, to);
	}

	@Test
	void malformedJsonOnOneSymbolFailsOnlyItsPartitionAndRestartCompletesExactly() {
		ExchangeFixture exchange = exchange(107, 10, UnaryOperator.identity());
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(20));
		List<List<String>> batches = Runs.batches(exchange.account(), from, to);
		assertThat(batches).hasSize(3);
		String broken = batches.get(1).get(1);
		exchange.exchange().faults().malformedSymbol(broken);
		SyncCommandRunner runner = runner(exchange, "--binance.max-retries=2");

		SyncCommandRunner.Result failed = runner.run(window(from, to));

		assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
		assertThat(failed.err()).contains("--restart");
		for (String symbol : batches.get(1)) {
			assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries WHERE symbol = ?", symbol))
				.as("nothing of the failed batch, " + symbol)
				.isZero();
		}
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries")).as("the other batches")
			.isPositive();

		exchange.exchange().faults().clearSymbol(broken);
		SyncCommandRunner.Result restarted = runner.run("--restart");

		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		assertExact(this.database, exchange, from, to);
		assertNeverBanned(exchange);
	}

	private static long minute(Instant instant) {
		return Math.floorDiv(instant.toEpochMilli(), 60_000L);
	}

	private static List<String> concat(List<String> options, String... more) {
		List<String> all = new ArrayList<>(options);
		all.addAll(List.of(more));
		return all;
	}

}
