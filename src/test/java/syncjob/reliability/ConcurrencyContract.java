package syncjob.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import syncjob.simulator.AccountGenerator;
import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.ServerSleeper;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launches at the same time, in threads of this JVM. The exchanges hold each run at its first
 * API call (after it took the account lock) until the test has seen what it needs, so the
 * runs overlap by construction rather than by timing.
 */
abstract class ConcurrencyContract {

	private static final long WAIT_SECONDS = 60;

	private TestDatabase database;

	private final List<ExchangeFixture> exchanges = new ArrayList<>();

	abstract TestDatabase newDatabase();

	@BeforeEach
	void start() {
		this.database = newDatabase();
	}

	@AfterEach
	void stop() {
		this.exchanges.forEach(ExchangeFixture::close);
		this.database.close();
	}

	/** An exchange whose every answer first waits for {@code gate}, after running {@code onFirstCall} once. */
	private ExchangeFixture gatedExchange(long seed, Runnable onFirstCall, CountDownLatch gate,
			AtomicBoolean gateTimedOut) {
		AtomicBoolean first = new AtomicBoolean(true);
		ServerSleeper gated = (latency) -> {
			if (first.getAndSet(false)) {
				onFirstCall.run();
			}
			try {
				if (!gate.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
					gateTimedOut.set(true);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		ExchangeFixture exchange = ExchangeFixture.start(
				AccountGenerator.generate(GeneratorConfig.of(seed, 6, 40, Instant.now())),
				(o) -> o.seed(seed).latency(Duration.ofNanos(1)).sleeper(gated), 180);
		this.exchanges.add(exchange);
		return exchange;
	}

	private CompletableFuture<SyncCommandRunner.Result> launch(ExchangeFixture exchange, String... args) {
		return CompletableFuture.supplyAsync(() -> new SyncCommandRunner(this.database, exchange.options()).run(args));
	}

	@Test
	void aSecondLaunchForTheSameAccountWithAnotherWindowIsRefusedWhileTheFirstCompletesExactly() throws Exception {
		CountDownLatch arrived = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean timedOut = new AtomicBoolean();
		ExchangeFixture exchange = gatedExchange(601, arrived::countDown, release, timedOut);
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(20));
		CompletableFuture<SyncCommandRunner.Result> first = launch(exchange, "account=main", "from=" + from,
				"to=" + to);
		assertThat(arrived.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the first run reached the exchange").isTrue();

		SyncCommandRunner.Result second = new SyncCommandRunner(this.database, exchange.options()).run("account=main",
				"from=" + from.minus(Duration.ofDays(5)), "to=" + to.minus(Duration.ofDays(1)));
		release.countDown();
		SyncCommandRunner.Result firstResult = first.get(WAIT_SECONDS, TimeUnit.SECONDS);

		assertThat(second.exitCode()).isEqualTo(2);
		assertThat(second.err()).contains("another sync of account 'main' is running");
		assertThat(firstResult.exitCode()).as(firstResult.err()).isZero();
		assertThat(timedOut).isFalse();
		JournalRows.assertSameRows(JournalRows.read(this.database, "main"),
				exchange.truth("main", from, to, true).trades());
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM batch_job_instance"))
			.as("the refused launch created no job instance")
			.isEqualTo(1);
	}

	@Test
	void twoAccountsSyncAtTheSameTimeAndBothCompleteExactly() throws Exception {
		CountDownLatch alphaArrived = new CountDownLatch(1);
		CountDownLatch bothArrived = new CountDownLatch(2);
		AtomicBoolean timedOut = new AtomicBoolean();
		// each run waits at its first call until the other run has made its first call too
		ExchangeFixture alpha = gatedExchange(602, () -> {
			alphaArrived.countDown();
			bothArrived.countDown();
		}, bothArrived, timedOut);
		ExchangeFixture beta = gatedExchange(603, bothArrived::countDown, bothArrived, timedOut);
		Instant alphaTo = alpha.end();
		Instant betaTo = beta.end();
		Instant alphaFrom = alphaTo.minus(Duration.ofDays(20));
		Instant betaFrom = betaTo.minus(Duration.ofDays(25));

		CompletableFuture<SyncCommandRunner.Result> a = launch(alpha, "account=alpha", "from=" + alphaFrom,
				"to=" + alphaTo);
		// Two Spring Boot starts in one JVM race on Logback's shared context (a test-only hazard:
		// real launches are separate processes), so beta starts once alpha is inside its run.
		assertThat(alphaArrived.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("alpha reached the exchange").isTrue();
		CompletableFuture<SyncCommandRunner.Result> b = launch(beta, "account=beta", "from=" + betaFrom,
				"to=" + betaTo);
		SyncCommandRunner.Result alphaResult = a.get(WAIT_SECONDS * 2, TimeUnit.SECONDS);
		SyncCommandRunner.Result betaResult = b.get(WAIT_SECONDS * 2, TimeUnit.SECONDS);

		assertThat(timedOut).as("both runs were at the exchange at once").isFalse();
		assertThat(alphaResult.exitCode()).as(alphaResult.err()).isZero();
		assertThat(betaResult.exitCode()).as(betaResult.err()).isZero();
		JournalRows.assertSameRows(JournalRows.read(this.database, "alpha"),
				alpha.truth("alpha", alphaFrom, alphaTo, true).trades());
		JournalRows.assertSameRows(JournalRows.read(this.database, "beta"),
				beta.truth("beta", betaFrom, betaTo, true).trades());
	}

}
