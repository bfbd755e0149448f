package syncjob.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import syncjob.lifecycle.TradeEntry;
import syncjob.simulator.AccountGenerator;
import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.TimeoutMode;
import syncjob.testing.ChildProcess;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.PostgresTest;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.reliability.Runs.ACCOUNT;
import static syncjob.reliability.Runs.assertExact;
import static syncjob.reliability.Runs.assertNeverBanned;
import static syncjob.reliability.Runs.window;

/** Faults on PostgreSQL: the exchange's, and the database connection lost mid-partition. */
@PostgresTest
class DatabaseFaultsPostgresTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private TestDatabase database;

	private ExchangeFixture exchange;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.postgres();
	}

	@AfterEach
	void close() {
		if (this.exchange != null) {
			this.exchange.close();
		}
		this.database.close();
	}

	@Test
	void exchangeFaultsOnPostgresLeaveTheJournalExact() {
		this.exchange = ExchangeFixture.start(
				AccountGenerator.generate(GeneratorConfig.of(201, 8, 40, Instant.now())),
				(o) -> o.seed(201)
					.serverErrorRate(0.05)
					.timeoutRate(0.05)
					.timeoutMode(TimeoutMode.CLOSE)
					.malformedRate(0.03),
				180);
		Instant to = this.exchange.end();
		Instant from = to.minus(Duration.ofDays(20));

		SyncCommandRunner.Result result = new SyncCommandRunner(this.database, this.exchange.options())
			.run(window(from, to));

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertExact(this.database, this.exchange, from, to);
		assertNeverBanned(this.exchange);
	}

	/**
	 * Every session of the job is terminated while the second partition's transaction is open
	 * (it has read the staged income and is fetching from the exchange). That includes the
	 * session holding the account's advisory lock: the lock goes with it, the run does not
	 * notice (it fails on its own connection anyway), and releasing it at the end finds
	 * nothing to release. The partition rolls back whole; the pool replaces the dead
	 * connections for the job repository and the next partition.
	 */
	@Test
	void aConnectionKilledMidPartitionFailsTheRunWithNoPartialBatchAndRestartCompletesExactly() throws Exception {
		this.exchange = ExchangeFixture.start(
				AccountGenerator.generate(GeneratorConfig.of(202, 12, 60, Instant.now())),
				(o) -> o.latency(Duration.ofMillis(100)), 180);
		Instant to = this.exchange.end();
		Instant from = to.minus(Duration.ofDays(30));
		List<List<String>> batches = Runs.batches(this.exchange.account(), from, to);
		assertThat(batches).hasSize(3);
		List<String> args = new ArrayList<>(List.of(this.database.properties()));
		args.addAll(this.exchange.options());
		args.add("--sync.max-parallel-partitions=1");
		args.addAll(List.of(window(from, to)));

		int exit;
		try (ChildProcess child = ChildProcess.start(args)) {
			child.awaitLine("Finished batch 1/3", PATIENCE);
			PostgresSessions.awaitOther(this.database, "state = 'idle in transaction'");

			assertThat(PostgresSessions.terminateOthers(this.database)).isPositive();
			exit = child.awaitExit(PATIENCE);
		}

		assertThat(exit).isEqualTo(1);
		List<TradeEntry> truth = this.exchange.truth(ACCOUNT, from, to, true).trades();
		List<TradeEntry> rows = JournalRows.read(this.database, ACCOUNT);
		for (List<String> batch : batches) {
			List<TradeEntry> expected = truth.stream().filter((t) -> batch.contains(t.symbol())).toList();
			List<TradeEntry> actual = rows.stream().filter((t) -> batch.contains(t.symbol())).toList();
			assertThat(expected).as("batch %s has trades", batch).isNotEmpty();
			if (!actual.isEmpty()) {
				JournalRows.assertSameRows(actual, expected);
			}
		}
		assertThat(rows).as("the killed batch 2 rolled back").noneMatch((t) -> batches.get(1).contains(t.symbol()));
		assertThat(rows).as("batch 1 committed before the kill").anyMatch((t) -> batches.get(0).contains(t.symbol()));

		SyncCommandRunner.Result restarted = new SyncCommandRunner(this.database, this.exchange.options())
			.run("--restart");

		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		assertExact(this.database, this.exchange, from, to);
	}

	/**
	 * When the connection is lost while Spring Batch saves a step's own metadata, it marks the
	 * step and the execution UNKNOWN, or the step stays STARTED under a FAILED execution (the
	 * kill above meets both now and then). The execution is left exactly so here, and
	 * {@code --restart} still resumes it.
	 */
	@ParameterizedTest
	@CsvSource({ "UNKNOWN, UNKNOWN", "FAILED, STARTED" })
	void anExecutionWithAStepStuckByALostConnectionIsRestartedExactly(String jobStatus, String stepStatus)
			throws Exception {
		this.exchange = ExchangeFixture.start(
				AccountGenerator.generate(GeneratorConfig.of(203, 8, 40, Instant.now())), (o) -> o, 180);
		Instant to = this.exchange.end();
		Instant from = to.minus(Duration.ofDays(20));
		String failing = Runs.batches(this.exchange.account(), from, to).get(1).get(0);
		this.exchange.exchange().faults().failSymbolAlways(failing);
		List<String> options = new ArrayList<>(this.exchange.options());
		options.add("--binance.max-retries=1");
		SyncCommandRunner runner = new SyncCommandRunner(this.database, options);
		assertThat(runner.run(window(from, to)).exitCode()).isEqualTo(1);
		try (var c = this.database.connect(); var st = c.createStatement()) {
			st.executeUpdate("UPDATE batch_job_execution SET status = '" + jobStatus + "', exit_code = '" + jobStatus + "'");
			st.executeUpdate("UPDATE batch_step_execution SET status = '" + stepStatus + "', exit_code = '"
					+ stepStatus + "' WHERE status = 'FAILED'");
		}
		this.exchange.exchange().faults().clearSymbol(failing);

		SyncCommandRunner.Result restarted = runner.run("--restart");

		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		assertExact(this.database, this.exchange, from, to);
	}

}
