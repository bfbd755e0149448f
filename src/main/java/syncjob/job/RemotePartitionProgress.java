package syncjob.job;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import syncjob.job.PartitionContext.Counter;
import syncjob.journal.SyncNotifier;

/**
 * The progress lines and the NOTIFY of {@link PartitionProgress}, on a worker. A worker sees
 * only its own partitions, so "so far" and the ETA come from the shared job repository: the
 * trades of every batch of the job instance already committed (by any worker, in any
 * execution), and the execution's elapsed time per batch it finished.
 */
final class RemotePartitionProgress implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RemotePartitionProgress.class);

	private final SyncNotifier notifier;

	private final JobRepository jobRepository;

	private final Clock clock;

	RemotePartitionProgress(SyncNotifier notifier, JobRepository jobRepository, Clock clock) {
		this.notifier = notifier;
		this.jobRepository = jobRepository;
		this.clock = clock;
	}

	@Override
	public void beforeStep(StepExecution step) {
		if (step.isTerminateOnly()) {
			return;
		}
		PartitionContext batch = PartitionContext.of(step);
		Committed committed = committed(step);
		log.info("Processing {} (batch {}/{}) - {} trades inserted so far - ETA {}", String.join(", ", batch.symbols()),
				batch.batch(), batch.batchCount(), committed.inserted(), eta(step, committed, batch.batchCount()));
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		if (step.getStatus() != BatchStatus.COMPLETED) {
			return step.getExitStatus();
		}
		PartitionContext batch = PartitionContext.of(step);
		List<String> symbols = batch.symbols();
		int insertedHere = batch.count(Counter.INSERTED);
		// this partition is still STARTED in the repository: its own trades are added here
		long total = committed(step).inserted() + insertedHere;
		log.info("Finished batch {}/{} ({}) - {} inserted, {} rejected - {} trades inserted so far", batch.batch(),
				batch.batchCount(), String.join(", ", symbols), insertedHere, batch.count(Counter.REJECTED), total);
		this.notifier.partitionCommitted(SyncWindow.of(step.getJobExecution().getJobParameters()).account(),
				step.getJobExecution().getId(), batch.batch(), batch.batchCount(), insertedHere, total, symbols);
		return step.getExitStatus();
	}

	/** Batches committed by every execution of the instance, and by this execution alone. */
	private Committed committed(StepExecution current) {
		int finished = 0;
		int finishedNow = 0;
		long inserted = 0;
		for (JobExecution execution : this.jobRepository
			.getJobExecutions(current.getJobExecution().getJobInstance())) {
			for (StepExecution step : execution.getStepExecutions()) {
				if (step.getId() != current.getId()
						&& step.getStepName().startsWith(SyncJobConfiguration.WORKER_STEP + ":")
						&& step.getStatus() == BatchStatus.COMPLETED) {
					finished++;
					inserted += PartitionContext.of(step).count(Counter.INSERTED);
					if (execution.getId() == current.getJobExecutionId()) {
						finishedNow++;
					}
				}
			}
		}
		return new Committed(finished, finishedNow, inserted);
	}

	private String eta(StepExecution step, Committed committed, int batchCount) {
		if (committed.finishedNow() == 0 || step.getJobExecution().getStartTime() == null) {
			return "--:--";
		}
		// Spring Batch records local times of the process that wrote them
		Duration elapsed = Duration.between(step.getJobExecution().getStartTime(),
				LocalDateTime.now(this.clock.withZone(ZoneId.systemDefault())));
		if (elapsed.isNegative()) {
			elapsed = Duration.ZERO;
		}
		int remaining = Math.max(0, batchCount - committed.finished());
		return PartitionProgress.format(elapsed.multipliedBy(remaining).dividedBy(committed.finishedNow()));
	}

	private record Committed(int finished, int finishedNow, long inserted) {

	}

}
