package syncjob.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import syncjob.journal.SyncNotifier;

/**
 * After each partition commits: the progress line of the contract, with its ETA, and the
 * NOTIFY for journal UIs. On a restart the partitions completed by earlier executions count
 * as done, so "batch n/m" and the totals describe the whole job instance.
 */
final class PartitionProgress implements StepExecutionListener, JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(PartitionProgress.class);

	private final SyncNotifier notifier;

	private final JobRepository jobRepository;

	private final Clock clock;

	private final AtomicInteger completedBefore = new AtomicInteger();

	private final AtomicInteger completedNow = new AtomicInteger();

	private final AtomicLong inserted = new AtomicLong();

	private volatile Instant started;

	PartitionProgress(SyncNotifier notifier, JobRepository jobRepository, Clock clock) {
		this.notifier = notifier;
		this.jobRepository = jobRepository;
		this.clock = clock;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.started = this.clock.instant();
		this.completedNow.set(0);
		int done = 0;
		long total = 0;
		for (JobExecution earlier : this.jobRepository.getJobExecutions(jobExecution.getJobInstance())) {
			if (earlier.getId() == jobExecution.getId()) {
				continue;
			}
			for (StepExecution step : earlier.getStepExecutions()) {
				if (step.getStepName().startsWith(SyncJobConfiguration.WORKER_STEP + ":")
						&& step.getStatus() == BatchStatus.COMPLETED) {
					done++;
					total += step.getExecutionContext().getInt("inserted", 0);
				}
			}
		}
		this.completedBefore.set(done);
		this.inserted.set(total);
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		if (step.getStatus() != BatchStatus.COMPLETED) {
			return step.getExitStatus();
		}
		ExecutionContext context = step.getExecutionContext();
		List<String> symbols = Arrays.asList(context.getString(SymbolBatchPartitioner.SYMBOLS).split(","));
		int batch = context.getInt(SymbolBatchPartitioner.BATCH);
		int batchCount = context.getInt(SymbolBatchPartitioner.BATCH_COUNT);
		int insertedHere = context.getInt("inserted", 0);
		long total = this.inserted.addAndGet(insertedHere);
		int doneNow = this.completedNow.incrementAndGet();
		int remaining = Math.max(0, batchCount - this.completedBefore.get() - doneNow);
		Duration elapsed = Duration.between(this.started, this.clock.instant());
		Duration eta = elapsed.multipliedBy(remaining).dividedBy(doneNow);
		log.info("Processing {} (batch {}/{}) - {} trades inserted so far - ETA {}", String.join(", ", symbols), batch,
				batchCount, total, format(eta));
		this.notifier.partitionCommitted(SyncWindow.of(step.getJobExecution().getJobParameters()).account(),
				step.getJobExecution().getId(), batch, batchCount, insertedHere, total, symbols);
		return step.getExitStatus();
	}

	static String format(Duration eta) {
		long seconds = eta.toSeconds();
		if (seconds >= 3600) {
			return String.format("%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
		}
		return String.format("%d:%02d", seconds / 60, seconds % 60);
	}

}
