package syncjob.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import syncjob.simulator.AccountGenerator;
import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.SimulatedAccount;
import syncjob.testing.ChildProcess;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real process killed or stopped in the middle of the partitioned step, then resumed with
 * {@code --restart}: the journal ends exactly at the ground truth.
 */
abstract class SyncJobProcessContract {

	private static final String ACCOUNT = "main";

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private TestDatabase database;

	private ExchangeFixture exchange;

	private Instant from;

	private Instant to;

	abstract TestDatabase newDatabase();

	/** The reading the exchange plays: an id-only request serves only the last N days (0: all kept). */
	int idPagingDays() {
		return 0;
	}

	@BeforeEach
	void start() {
		this.database = newDatabase();
		SimulatedAccount account = AccountGenerator.generate(GeneratorConfig.of(31, 12, 90, Instant.now()));
		// Latency keeps each batch busy long enough to be interrupted inside it.
		this.exchange = ExchangeFixture.start(account,
				(options) -> options.latency(Duration.ofMillis(120)).idPagingDays(idPagingDays()), 180);
		this.to = this.exchange.end();
		this.from = this.to.minus(Duration.ofDays(60));
	}

	@AfterEach
	void stop() {
		this.exchange.close();
		this.database.close();
	}

	private List<String> arguments() {
		List<String> args = new ArrayList<>(Arrays.asList(this.database.properties()));
		args.addAll(this.exchange.options());
		args.addAll(List.of("--sync.max-parallel-partitions=1", "account=" + ACCOUNT, "from=" + this.from,
				"to=" + this.to));
		return args;
	}

	private String lastStatus() {
		try (var c = this.database.connect(); var rs = c.createStatement()
			.executeQuery("SELECT status FROM batch_job_execution ORDER BY job_execution_id DESC")) {
			return rs.next() ? rs.getString(1) : null;
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void restartCompletesExactly() {
		SyncCommandRunner.Result restarted = new SyncCommandRunner(this.database, this.exchange.options())
			.run("--restart");

		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		JournalRows.assertSameRows(JournalRows.read(this.database, ACCOUNT),
				this.exchange.truth(ACCOUNT, this.from, this.to, true).trades());
	}

	@Test
	void aRunKilledInsideAPartitionIsLeftStartedAndRestartRecoversIt() throws Exception {
		try (ChildProcess child = ChildProcess.start(arguments())) {
			child.awaitLine("Finished batch 1/3", PATIENCE);

			child.kill();
		}

		assertThat(lastStatus()).isEqualTo("STARTED");
		assertThat(JournalRows.count(this.database, "SELECT COUNT(DISTINCT symbol) FROM trade_entries"))
			.as("only the first batch committed")
			.isBetween(1L, 4L);
		restartCompletesExactly();
	}

	@Test
	void sigtermStopsTheRunRestartablyAndRestartCompletesIt() throws Exception {
		try (ChildProcess child = ChildProcess.start(arguments())) {
			child.awaitLine("Finished batch 1/3", PATIENCE);

			int exit = child.terminate(PATIENCE);

			assertThat(exit).isNotZero();
		}

		assertThat(lastStatus()).isEqualTo("STOPPED");
		restartCompletesExactly();
	}

}
