package syncjob.reliability;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import syncjob.lifecycle.TradeEntry;
import syncjob.simulator.AccountGenerator;
import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.ServerSleeper;
import syncjob.testing.ChildProcess;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.PostgresTest;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.reliability.Runs.ACCOUNT;
import static syncjob.reliability.Runs.assertExact;
import static syncjob.reliability.Runs.window;

/**
 * On PostgreSQL, the process killed (SIGKILL) at each kind of point of a run, found by the
 * child's own output lines; {@code --restart} then ends exactly at the ground truth.
 * Partitions run one at a time, and the exchange's latency keeps each phase busy long after
 * its first line (batch 1 alone makes some sixty calls). The embedded H2 file database has
 * its kill test in {@code SyncJobProcessH2FunctionalTests}; each child JVM costs seconds, so
 * it is not repeated here.
 */
@PostgresTest
class CrashRecoveryPostgresTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private TestDatabase database;

	private ExchangeFixture exchange;

	private Instant from;

	private Instant to;

	private List<List<String>> batches;

	/** The exchange answers slowly while the first run is to be killed, and at full speed for the restart. */
	private volatile boolean slow = true;

	@BeforeEach
	void start() {
		this.database = TestDatabase.postgres();
		this.exchange = ExchangeFixture.start(
				AccountGenerator.generate(GeneratorConfig.of(301, 12, 60, Instant.now())),
				(o) -> o.latency(Duration.ofMillis(40)).sleeper((d) -> {
					if (this.slow) {
						ServerSleeper.SYSTEM.sleep(d);
					}
				}), 180);
		this.to = this.exchange.end();
		this.from = this.to.minus(Duration.ofDays(30));
		this.batches = Runs.batches(this.exchange.account(), this.from, this.to);
		assertThat(this.batches).hasSize(3);
	}

	@AfterEach
	void stop() {
		this.exchange.close();
		this.database.close();
	}

	private ChildProcess startChild() throws Exception {
		List<String> args = new ArrayList<>(List.of(this.database.properties()));
		args.addAll(this.exchange.options());
		args.addAll(List.of("--sync.max-parallel-partitions=1", "--logging.level.syncjob.job.SymbolHistoryReader=DEBUG"));
		args.addAll(List.of(window(this.from, this.to)));
		return ChildProcess.start(args);
	}

	private void kill(ChildProcess child) throws InterruptedException {
		child.kill();
		afterKill();
		this.slow = false;
	}

	private void restartCompletesExactly() {
		SyncCommandRunner.Result restarted = new SyncCommandRunner(this.database, this.exchange.options())
			.run("--restart");

		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		assertExact(this.database, this.exchange, this.from, this.to);
		assertThat(JournalRows.count(this.database,
				"SELECT COUNT(*) FROM sync_reconciliation WHERE symbol = 'TOTAL' AND reconciled = TRUE"))
			.isEqualTo(1);
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM sync_watermark WHERE account = ?", ACCOUNT))
			.isEqualTo(1);
	}

	private long tradeRows() {
		return JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries");
	}

	@Test
	void killedDuringTheIncomeStepThenRestartCompletesExactly() throws Exception {
		try (ChildProcess child = startChild()) {
			child.awaitLine("Income step fetching", PATIENCE);

			kill(child);
		}

		assertThat(tradeRows()).isZero();
		restartCompletesExactly();
	}

	@Test
	void killedInsideAPartitionBeforeItsCommitThenRestartCompletesExactly() throws Exception {
		try (ChildProcess child = startChild()) {
			// the reader's line after the first symbol of batch 1; three more follow before its commit
			child.awaitLine(this.batches.get(0).get(0) + ": ", PATIENCE);

			kill(child);
		}

		assertThat(tradeRows()).as("nothing committed").isZero();
		restartCompletesExactly();
	}

	@Test
	void killedRightAfterAPartitionCommitThenRestartCompletesExactly() throws Exception {
		try (ChildProcess child = startChild()) {
			child.awaitLine("Finished batch 1/3", PATIENCE);

			kill(child);
		}

		List<String> first = this.batches.get(0);
		List<TradeEntry> committed = JournalRows.read(this.database, ACCOUNT)
			.stream()
			.filter((t) -> first.contains(t.symbol()))
			.toList();
		JournalRows.assertSameRows(committed, this.exchange.truth(ACCOUNT, this.from, this.to, true)
			.trades()
			.stream()
			.filter((t) -> first.contains(t.symbol()))
			.toList());
		restartCompletesExactly();
	}


	/**
	 * PostgreSQL ends an idle session of a killed client when it reads the closed socket, but
	 * a session waiting on a lock only when it next talks to it; ending them here makes the
	 * account's advisory lock free before the restart, as it would be moments later anyway.
	 */
	private void afterKill() {
		PostgresSessions.terminateOthers(this.database);
	}

	/**
	 * Reconciliation is all database work and quick, so the test holds it: it locks the
	 * report table before the step starts, sees the step's session wait on that lock, and
	 * kills the process there. The killed session's transaction is rolled back when
	 * PostgreSQL ends it.
	 */
	@Test
	void killedDuringReconciliationThenRestartCompletesExactly() throws Exception {
		this.slow = false;
		try (ChildProcess child = startChild(); Connection blocker = this.database.connect();
				Statement st = blocker.createStatement()) {
			child.awaitLine("Income step fetching", PATIENCE);
			blocker.setAutoCommit(false);
			st.execute("LOCK TABLE sync_reconciliation IN ACCESS EXCLUSIVE MODE");
			child.awaitLine("Reconciling", PATIENCE);
			PostgresSessions.awaitOther(this.database, "wait_event_type = 'Lock'");

			child.kill();
			blocker.rollback();
		}
		afterKill();

		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM sync_reconciliation")).isZero();
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM sync_watermark WHERE account = ?", ACCOUNT))
			.as("the watermark moves only with a completed reconciliation")
			.isZero();
		assertThat(tradeRows()).as("every partition had committed").isPositive();
		restartCompletesExactly();
	}

}
