package syncjob.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.ServedAccount;
import syncjob.simulator.TruthResult;
import syncjob.testing.ChildProcess;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.PostgresTest;
import syncjob.testing.RabbitService;
import syncjob.testing.RabbitTest;
import syncjob.testing.TestDatabase;

/**
 * Many accounts over remote partitioning: a manager of twelve generated accounts (one job per
 * account) and two workers, each its own JVM, all given the same accounts file. The workers
 * pick each request's account credentials from the file; every account ends exact against its
 * own ground truth.
 */
@PostgresTest
@RabbitTest
class RemotePartitioningManyAccountsPostgresRabbitTests {

	private static final Duration PATIENCE = Duration.ofSeconds(240);

	private final List<ChildProcess> children = new ArrayList<>();

	@TempDir
	Path credentials;

	private TestDatabase database;

	private ExchangeFixture exchange;

	private Path accountsFile;

	private String queue;

	private Instant from;

	private Instant to;

	@BeforeEach
	void start() {
		this.database = TestDatabase.postgres();
		Instant end = Instant.now();
		List<GeneratorConfig> configs = IntStream.range(0, 12)
			.mapToObj((i) -> GeneratorConfig.of(900 + i, 3, 30, end))
			.toList();
		this.exchange = ExchangeFixture.startMany(configs, UnaryOperator.identity(), 180);
		this.accountsFile = this.exchange.writeAccountsFile(this.credentials);
		this.queue = RabbitService.newQueueName();
		this.to = this.exchange.end();
		this.from = this.to.minus(Duration.ofDays(20));
	}

	@AfterEach
	void stop() throws InterruptedException {
		for (ChildProcess child : this.children) {
			child.close();
		}
		RabbitService.deleteQueue(this.queue);
		this.exchange.close();
		this.database.close();
	}

	private List<String> common() {
		List<String> args = new ArrayList<>(Arrays.asList(this.database.properties()));
		args.addAll(this.exchange.exchangeOptions());
		args.addAll(RabbitService.options(this.queue));
		args.addAll(Arrays.asList(JournalDepthContract.KLINES_ON));
		args.add("--sync.accounts-file=" + this.accountsFile);
		return args;
	}

	/**
	 * A worker leaving from its own loopback address, as a worker on its own machine: the
	 * simulator counts weight per address, and the manager's fair lanes then see only its own.
	 */
	private ChildProcess worker(String address) throws Exception {
		List<String> args = common();
		args.addAll(List.of("--role=worker", "--sync.max-parallel-partitions=2", "--binance.local-address=" + address));
		ChildProcess worker = child(args);
		worker.awaitLine("Worker ready", PATIENCE);
		return worker;
	}

	private ChildProcess manager(String... extra) throws Exception {
		List<String> args = common();
		args.addAll(List.of("--role=manager", "--sync.max-parallel-accounts=4", "--sync.symbols-per-partition=1",
				"--sync.remote.poll-interval=200ms"));
		args.addAll(Arrays.asList(extra));
		return child(args);
	}

	private ChildProcess child(List<String> args) throws Exception {
		ChildProcess child = ChildProcess.start(args);
		this.children.add(child);
		return child;
	}

	private void assertEveryAccountExact(String summary) {
		int trades = 0;
		for (ServedAccount served : this.exchange.served()) {
			TruthResult truth = this.exchange.truth(served, served.name(), this.from, this.to, true);
			var rows = JournalRows.read(this.database, served.name());
			JournalRows.assertSameRows(rows, truth.trades());
			JournalRows.assertSameDetails(rows, truth.trades());
			trades += truth.trades().size();
			assertThat(summary).containsPattern("(?m)^  " + served.name() + " +exit [03] ");
			// the manager's summary counts what the workers inserted
			assertThat(summary).containsPattern("=== account " + served.name() + " ===\\s+Account: " + served.name()
					+ " \\(execution \\d+\\)\\s+Window:[^\\n]*\\s+Trades: +" + truth.trades().size() + " inserted");
		}
		assertThat(trades).as("the accounts traded in the window").isGreaterThan(12);
	}

	@Test
	void twelveAccountsOnAManagerAndTwoWorkersAreEachExact() throws Exception {
		ChildProcess first = worker("127.0.0.2");
		ChildProcess second = worker("127.0.0.3");

		ChildProcess manager = manager("from=" + this.from, "to=" + this.to);
		int exit = manager.awaitExit(PATIENCE);

		assertThat(exit).as(manager.output()).isIn(0, 3);
		assertEveryAccountExact(manager.output());
		assertThat(first.terminate(PATIENCE)).as(first.output()).isZero();
		assertThat(second.terminate(PATIENCE)).as(second.output()).isZero();
		assertThat(first.output()).as("the first worker ran batches").contains("Finished batch");
		assertThat(second.output()).as("the second worker ran batches").contains("Finished batch");
		assertThat(first.output() + second.output()).as("no partition refused")
			.doesNotContain("cannot run here");
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM batch_job_instance"))
			.as("one job instance per account").isEqualTo(12);
	}

}
