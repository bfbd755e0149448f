package syncjob.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import syncjob.job.PartitionContext.Counter;
import syncjob.job.RunStatus.Snapshot;
import syncjob.testing.TestDatabase;

/**
 * A manager's status follows what the workers committed, read from a real JDBC job repository:
 * each completed batch is counted once, however often it is read, and running ones not at all.
 */
class WorkerProgressWatchTest {

	private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final RunStatus status = new RunStatus();

	private TestDatabase database;

	private JobRepository repository;

	private JobExecution job;

	@BeforeEach
	void repository() throws Exception {
		this.database = TestDatabase.h2();
		this.repository = JdbcJobRepositories.onH2(this.database);
		SyncWindow window = new SyncWindow("acct", Instant.parse("2026-01-01T00:00:00Z"), NOW);
		JobInstance instance = this.repository.createJobInstance(SyncJobConfiguration.JOB_NAME,
				window.toParameters());
		this.job = this.repository.createJobExecution(instance, window.toParameters("http://127.0.0.1:1"),
				new ExecutionContext());
		this.status.start(NOW, 0, 0);
	}

	@AfterEach
	void close() {
		this.database.close();
	}

	private StepExecution batch(int batch, List<String> symbols) {
		StepExecution step = this.repository.createStepExecution(SyncJobConfiguration.WORKER_STEP + ":partition" + batch,
				this.job);
		step.setExecutionContext(PartitionContext.create(batch, 3, symbols));
		this.repository.updateExecutionContext(step);
		return step;
	}

	private void completed(StepExecution step, int inserted) {
		PartitionContext.of(step).add(Counter.INSERTED, inserted);
		this.repository.updateExecutionContext(step);
		step.setStatus(BatchStatus.COMPLETED);
		this.repository.update(step);
	}

	@Test
	void completedBatchesCountOnceAndRunningOnesNotAtAll() {
		// given three batches sent to the workers, one of them committed, one running
		StepExecution first = batch(1, List.of("BTCUSDT", "ETHUSDT"));
		StepExecution second = batch(2, List.of("SOLUSDT"));
		batch(3, List.of("XRPUSDT"));
		completed(first, 7);
		second.setStatus(BatchStatus.STARTED);
		this.repository.update(second);
		WorkerProgressWatch watch = WorkerProgressWatch.start(this.repository, this.status, this.clock,
				this.job.getId(), java.time.Duration.ofHours(1));

		// when the manager reads twice, then the second batch commits and the watch closes
		watch.read();
		watch.read();
		Snapshot before = this.status.snapshot().orElseThrow();
		completed(second, 4);
		watch.close();

		// then
		assertThat(before.batchCount()).isEqualTo(3);
		assertThat(before.batchesDone()).isEqualTo(1);
		assertThat(before.symbolsDone()).isEqualTo(2);
		assertThat(before.inserted()).isEqualTo(7);
		Snapshot after = this.status.snapshot().orElseThrow();
		assertThat(after.batchesDone()).isEqualTo(2);
		assertThat(after.batchesDoneNow()).isEqualTo(2);
		assertThat(after.inserted()).isEqualTo(11);
		assertThat(StatusLine.render(after, NOW)).startsWith("batch 2/3 | 3 symbols | 11 trades");
	}

}
