package syncjob.job;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import syncjob.job.PartitionContext.Counter;

/**
 * With {@code --role=manager} the batches run in the workers, so no listener in the manager
 * sees them finish: while the manager waits for its symbol batches, this reads the job
 * repository now and then and tells the run's status what the workers committed, so the
 * manager's live line and heartbeat count batches and trades as a single process does.
 */
final class WorkerProgressWatch implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(WorkerProgressWatch.class);

	private final JobRepository jobRepository;

	private final RunStatus status;

	private final Clock clock;

	private final long executionId;

	private final Set<Long> counted = new HashSet<>();

	private final ScheduledExecutorService timer;

	private boolean started;

	private WorkerProgressWatch(JobRepository jobRepository, RunStatus status, Clock clock, long executionId) {
		this.jobRepository = jobRepository;
		this.status = status;
		this.clock = clock;
		this.executionId = executionId;
		this.timer = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread thread = new Thread(r, "worker-progress");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Starts reading every {@code every} until {@link #close()}. */
	static WorkerProgressWatch start(JobRepository jobRepository, RunStatus status, Clock clock, long executionId,
			Duration every) {
		WorkerProgressWatch watch = new WorkerProgressWatch(jobRepository, status, clock, executionId);
		long millis = Math.max(100, every.toMillis());
		watch.timer.scheduleWithFixedDelay(watch::readSafely, 0, millis, TimeUnit.MILLISECONDS);
		return watch;
	}

	private void readSafely() {
		try {
			read();
		}
		catch (RuntimeException ex) {
			// the status line is worth no failure: the partition handler's own polling decides the run
			log.debug("Could not read the workers' progress: {}", ex.getMessage());
		}
	}

	/** One reading: every batch newly COMPLETED in this execution is counted once. */
	synchronized void read() {
		JobExecution execution = this.jobRepository.getJobExecution(this.executionId);
		if (execution == null) {
			return;
		}
		for (StepExecution step : execution.getStepExecutions()) {
			if (!step.getStepName().startsWith(SyncJobConfiguration.WORKER_STEP + ":")) {
				continue;
			}
			PartitionContext batch = PartitionContext.of(step);
			if (!this.started) {
				this.started = true;
				this.status.batchStarted(batch.batchCount(), this.clock.instant());
			}
			if (step.getStatus() == BatchStatus.COMPLETED && this.counted.add(step.getId())) {
				this.status.batchFinished(batch.symbols().size(), batch.count(Counter.INSERTED), this.clock.instant());
			}
		}
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
		// what finished between the last reading and the end
		readSafely();
	}

}
