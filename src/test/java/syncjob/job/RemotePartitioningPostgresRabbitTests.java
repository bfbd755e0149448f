package syncjob.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.integration.partition.StepExecutionRequest;

import syncjob.simulator.AccountGenerator;
import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.SimulatedAccount;
import syncjob.testing.ChildProcess;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.PostgresTest;
import syncjob.testing.RabbitService;
import syncjob.testing.RabbitTest;
import syncjob.testing.TestDatabase;

/**
 * A manager and its workers as separate JVMs, as operators run them: PostgreSQL holds the job
 * repository and the journal, RabbitMQ carries the partition requests (a queue of its own per
 * test). The journal ends exactly at the ground truth whatever happens to a worker or to the
 * deliveries. Tests wait on the children's own lines, never on timers.
 */
@PostgresTest
@RabbitTest
class RemotePartitioningPostgresRabbitTests {

	private static final String ACCOUNT = "main";

	private static final Duration PATIENCE = Duration.ofSeconds(180);

	private static final Pattern FINISHED = Pattern.compile("Finished batch (\\d+)/(\\d+)");

	private final List<ChildProcess> children = new ArrayList<>();

	private TestDatabase database;

	private ExchangeFixture exchange;

	private String queue;

	private Instant from;

	/** Five batches of two symbols: enough for every worker to get some. */
	private int symbolsPerPartition = 2;

	private Instant to;

	@BeforeEach
	void start() {
		this.database = TestDatabase.postgres();
		SimulatedAccount account = AccountGenerator.generate(GeneratorConfig.of(41, 10, 60, Instant.now()));
		// latency keeps each batch busy long enough for a worker to be killed inside it
		this.exchange = ExchangeFixture.start(account, (options) -> options.latency(Duration.ofMillis(40)), 180);
		this.queue = RabbitService.newQueueName();
		this.to = this.exchange.end();
		this.from = this.to.minus(Duration.ofDays(45));
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
		args.addAll(this.exchange.options());
		args.addAll(RabbitService.options(this.queue));
		return args;
	}

	private ChildProcess worker() throws Exception {
		List<String> args = common();
		args.addAll(List.of("--role=worker", "--sync.max-parallel-partitions=1"));
		ChildProcess worker = child(args);
		worker.awaitLine("Worker ready", PATIENCE);
		return worker;
	}

	private ChildProcess manager(String... extra) throws Exception {
		List<String> args = common();
		args.add("--role=manager");
		// batches are the manager's to cut; the workers run whatever they are sent
		args.add("--sync.symbols-per-partition=" + this.symbolsPerPartition);
		args.addAll(Arrays.asList(extra));
		return child(args);
	}

	private ChildProcess syncWindow(String... extra) throws Exception {
		List<String> args = new ArrayList<>(Arrays.asList(extra));
		args.addAll(List.of("account=" + ACCOUNT, "from=" + this.from, "to=" + this.to));
		return manager(args.toArray(String[]::new));
	}

	private ChildProcess child(List<String> args) throws Exception {
		ChildProcess child = ChildProcess.start(args);
		this.children.add(child);
		return child;
	}

	private void assertExact() {
		JournalRows.assertSameRows(JournalRows.read(this.database, ACCOUNT),
				this.exchange.truth(ACCOUNT, this.from, this.to, true).trades());
	}

	private static List<Integer> finishedBatches(String output) {
		List<Integer> batches = new ArrayList<>();
		Matcher m = FINISHED.matcher(output);
		while (m.find()) {
			batches.add(Integer.parseInt(m.group(1)));
		}
		return batches;
	}

	private long partitions() {
		return JournalRows.count(this.database,
				"SELECT COUNT(DISTINCT step_name) FROM batch_step_execution WHERE step_name LIKE 'symbolBatch:%'");
	}

	@Test
	void aManagerAndTwoWorkersSyncEveryRowExactlyEachBatchOnce() throws Exception {
		ChildProcess first = worker();
		ChildProcess second = worker();

		ChildProcess manager = syncWindow();
		int exit = manager.awaitExit(PATIENCE);

		assertThat(exit).as(manager.output()).isZero();
		assertExact();
		// both workers stop cleanly on SIGTERM
		assertThat(first.terminate(PATIENCE)).as(first.output()).isZero();
		assertThat(second.terminate(PATIENCE)).as(second.output()).isZero();
		List<Integer> byFirst = finishedBatches(first.output());
		List<Integer> bySecond = finishedBatches(second.output());
		assertThat(byFirst).as("the first worker ran batches").isNotEmpty();
		assertThat(bySecond).as("the second worker ran batches").isNotEmpty();
		List<Integer> all = new ArrayList<>(byFirst);
		all.addAll(bySecond);
		assertThat(all).as("every batch ran once, on one worker").hasSize((int) partitions()).doesNotHaveDuplicates();
		assertThat(manager.output()).contains("Sending the symbolBatch partitions of execution")
			.doesNotContain("Income step fetching");
		assertThat(first.output() + second.output()).as("the income work ran on a worker, once")
			.containsOnlyOnce("Income step fetching");
	}

	@Test
	void aWorkerKilledInsideAPartitionFailsTheRunAtTheTimeoutAndRestartRedoesOnlyWhatDidNotCommit()
			throws Exception {
		ChildProcess doomed = worker();
		ChildProcess manager = syncWindow("--sync.partition-timeout=40s");
		doomed.awaitLine("Finished batch", PATIENCE);
		doomed.awaitLine("Processing", PATIENCE);

		doomed.kill();
		int exit = manager.awaitExit(PATIENCE);

		assertThat(exit).as(manager.output()).isEqualTo(1);
		assertThat(manager.output()).contains("sync.partition-timeout").contains("--restart");
		List<Integer> committed = finishedBatches(doomed.output());
		ChildProcess rescuer = worker();
		ChildProcess restart = manager("--restart");
		int restarted = restart.awaitExit(PATIENCE);

		assertThat(restarted).as(restart.output()).isZero();
		assertExact();
		rescuer.terminate(PATIENCE);
		List<Integer> redone = finishedBatches(rescuer.output());
		assertThat(redone).as("batches committed before the kill are not redone").doesNotContainAnyElementsOf(committed);
		TreeSet<Integer> every = new TreeSet<>(committed);
		every.addAll(redone);
		assertThat(every).as("every batch committed once").hasSize(committed.size() + redone.size());
		assertThat(every).hasSize((int) partitions());
	}

	@Test
	void aWorkerStoppedBySigtermLeavesNothingHalfWrittenAndRestartCompletesTheRun() throws Exception {
		// two batches of five symbols: a worker stopped at its batch's first symbol has more to go
		this.symbolsPerPartition = 5;
		ChildProcess stopped = worker();
		ChildProcess other = worker();
		ChildProcess manager = syncWindow();
		stopped.awaitLine("Processing", PATIENCE);

		assertThat(stopped.terminate(PATIENCE)).as(stopped.output()).isZero();
		int exit = manager.awaitExit(PATIENCE);

		assertThat(stopped.output()).contains("Worker stopping").contains("sync-job: worker stopped");
		if (exit != 0) {
			// the usual case: the batch ended STOPPED at its next symbol, the run with it
			assertThat(exit).as(manager.output()).isEqualTo(1);
			assertThat(lastStatus()).as(manager.output() + "\nSTOPPED WORKER\n" + stopped.output()).isEqualTo("STOPPED");
			assertThat(finishedBatches(stopped.output())).isEmpty();
			ChildProcess restart = manager("--restart");
			assertThat(restart.awaitExit(PATIENCE)).as(restart.output()).isZero();
		}
		assertExact();
		other.terminate(PATIENCE);
		List<Integer> all = new ArrayList<>(finishedBatches(stopped.output()));
		all.addAll(finishedBatches(other.output()));
		assertThat(all).as("every batch committed once").hasSize((int) partitions()).doesNotHaveDuplicates();
	}

	@Test
	void aManagerKilledWhileWaitingLeavesTheWorkersToFinishAndRestartCompletesTheRunWithNothingRunTwice()
			throws Exception {
		ChildProcess worker = worker();
		ChildProcess manager = syncWindow();
		// every request is on the queue before the first batch ends: sending takes milliseconds
		worker.awaitLine("Finished batch", PATIENCE);

		manager.kill();
		// the worker goes on with the queued batches of the dead manager's run, and commits them
		long batches = partitions();
		for (int finished = 1; finished < batches; finished++) {
			worker.awaitLine("Finished batch", PATIENCE);
		}
		assertThat(lastStatus()).as("the killed run is still marked running").isEqualTo("STARTED");
		ChildProcess restart = manager("--restart");
		int restarted = restart.awaitExit(PATIENCE);

		assertThat(restarted).as(restart.output()).isZero();
		assertExact();
		assertThat(worker.terminate(PATIENCE)).isZero();
		assertThat(finishedBatches(worker.output())).as("every batch ran once, none again after the restart")
			.hasSize((int) batches)
			.doesNotHaveDuplicates();
		assertThat(partitions()).isEqualTo(batches);
		assertThat(RabbitService.waiting(this.queue)).isZero();
	}

	@Test
	void aManagerStoppedBySigtermWhileNoWorkerRunsEndsStoppedAndRestartCompletesTheRunExactly() throws Exception {
		ChildProcess doomed = worker();
		ChildProcess manager = syncWindow();
		doomed.awaitLine("Finished batch", PATIENCE);
		doomed.kill();

		// as Kubernetes stops a manager's pod: its wait for workers, none of which will answer, is cut short
		int exit = manager.terminate(PATIENCE);

		assertThat(exit).as(manager.output()).isEqualTo(1);
		assertThat(manager.output().lines().filter((line) -> line.startsWith("sync-job:"))).as(manager.output())
			.singleElement()
			.asString()
			.contains("was stopped (STOPPED, restartable)", "resume it with --restart");
		assertThat(manager.output()).as("no stack trace").doesNotContain("\tat ");
		assertThat(lastStatus()).isEqualTo("STOPPED");
		ChildProcess rescuer = worker();
		ChildProcess restart = manager("--restart");
		int restarted = restart.awaitExit(PATIENCE);

		assertThat(restarted).as(restart.output()).isZero();
		assertExact();
		assertThat(rescuer.terminate(PATIENCE)).isZero();
	}

	private String lastStatus() {
		try (var c = this.database.connect(); var rs = c.createStatement()
			.executeQuery("SELECT status FROM batch_job_execution ORDER BY job_execution_id")) {
			String status = null;
			while (rs.next()) {
				status = rs.getString(1);
			}
			return status;
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aBrokerRestartMidRunLosesNoBatchAndRunsNoneTwice() throws Exception {
		this.symbolsPerPartition = 1;
		ChildProcess first = worker();
		ChildProcess second = worker();
		ChildProcess manager = syncWindow();
		first.awaitLine("Finished batch", PATIENCE);

		// every connection drops; the durable queue keeps the persistent requests, and a request
		// whose acknowledgement was lost comes again
		try {
			rabbitmqctl("stop_app");
		}
		finally {
			rabbitmqctl("start_app");
		}
		int exit = manager.awaitExit(PATIENCE);

		assertThat(exit).as(manager.output()).isZero();
		assertExact();
		first.terminate(PATIENCE);
		second.terminate(PATIENCE);
		List<Integer> all = new ArrayList<>(finishedBatches(first.output()));
		all.addAll(finishedBatches(second.output()));
		assertThat(all).as("every batch ran once").hasSize((int) partitions()).doesNotHaveDuplicates();
		assertThat(partitions()).isEqualTo(10);
		assertThat(first.output() + second.output()).as("the workers lost their connections")
			.contains("CONNECTION_FORCED");
	}

	private static void rabbitmqctl(String command) throws Exception {
		Process process = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("rabbitmqctl " + command).isTrue();
		assertThat(process.exitValue()).as("rabbitmqctl " + command + ": " + output).isZero();
	}

	@Test
	void aRequestDeliveredAgainAfterItsPartitionCompletedIsAcknowledgedAndNotRun() throws Exception {
		ChildProcess worker = worker();
		ChildProcess manager = syncWindow();
		assertThat(manager.awaitExit(PATIENCE)).as(manager.output()).isZero();
		int ran = finishedBatches(worker.output()).size();
		long rows = JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries");
		long firstBatch = JournalRows.count(this.database,
				"SELECT MIN(step_execution_id) FROM batch_step_execution WHERE step_name LIKE 'symbolBatch:%'");

		// AMQP is at-least-once: the same request twice more, as a redelivery would bring it
		CachingConnectionFactory connections = new CachingConnectionFactory(RabbitService.host(), RabbitService.port());
		try {
			RabbitTemplate template = new RabbitTemplate(connections);
			for (int i = 0; i < 2; i++) {
				template.convertAndSend(this.queue,
						new StepExecutionRequest(SyncJobConfiguration.WORKER_STEP, firstBatch), (message) -> {
							message.getMessageProperties().setContentType(MessageProperties.CONTENT_TYPE_SERIALIZED_OBJECT);
							return message;
						});
			}
		}
		finally {
			connections.destroy();
		}
		worker.awaitLine("is already COMPLETED: request acknowledged", PATIENCE);
		worker.awaitLine("is already COMPLETED: request acknowledged", PATIENCE);

		assertThat(worker.terminate(PATIENCE)).isZero();
		assertThat(finishedBatches(worker.output())).as("nothing ran again").hasSize(ran);
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries")).isEqualTo(rows);
		assertExact();
		assertThat(RabbitService.waiting(this.queue)).as("both acknowledged").isZero();
	}

}
