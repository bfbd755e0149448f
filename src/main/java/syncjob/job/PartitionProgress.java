package syncjob.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import syncjob.job.PartitionContext.Counter;
import syncjob.journal.SyncNotifier;

/**
 * The progress lines of the contract, and the NOTIFY for journal UIs after each commit:
 *
 * <pre>
 * Processing BTCUSDT, ETHUSDT, SOLUSDT, XRPUSDT (batch 3/8) - 45 trades inserted so far - ETA 0:42
 * Finished batch 3/8 (BTCUSDT, ...) - 12 inserted, 0 rejected - 57 trades inserted so far
 * </pre>
 *
 * "So far" counts the trades of batches already finished, so it never decreases from one line
 * to the next; the ETA is this execution's time per finished batch times the batches left.
 * On a restart the batches completed by earlier executions count as finished. Partitions run
 * on several threads: each line is computed and logged under one lock.
 */
final class PartitionProgress implements StepExecutionListener, JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(PartitionProgress.class);

	private final SyncNotifier notifier;

	private final JobRepository jobRepository;

	private final Clock clock;

	private Instant started;

	/** Batches finished by this execution, for the ETA. */
	private int finishedNow;

	/** Batches finished by this and earlier executions of the job instance. */
	private int finished;

	private long inserted;

	private final RunStatus status;

	PartitionProgress(SyncNotifier notifier, JobRepository jobRepository, Clock clock, RunStatus status) {
		this.notifier = notifier;
		this.jobRepository = jobRepository;
		this.clock = clock;
		this.status = status;
	}

	@Override
	public synchronized void beforeJob(JobExecution jobExecution) {
		this.started = this.clock.instant();
		this.finishedNow = 0;
		// before its first batch this execution has committed none: what counts is the earlier ones'
		BatchCounts earlier = BatchCounts.of(this.jobRepository, jobExecution);
		this.finished = earlier.batches();
		this.inserted = earlier.inserted();
		this.status.start(this.started, this.finished, this.inserted);
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		this.status.stop();
	}

	@Override
	public synchronized void beforeStep(StepExecution step) {
		if (step.isTerminateOnly()) {
			// the execution is stopping: this batch starts only to end STOPPED
			return;
		}
		PartitionContext batch = PartitionContext.of(step);
		log.info("Processing {} (batch {}/{}) - {} trades inserted so far - ETA {}", String.join(", ", batch.symbols()),
				batch.batch(), batch.batchCount(), this.inserted, eta(batch.batchCount()));
		this.status.batchStarted(batch.batchCount(), this.clock.instant());
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		if (step.getStatus() != BatchStatus.COMPLETED) {
			return step.getExitStatus();
		}
		PartitionContext batch = PartitionContext.of(step);
		List<String> symbols = batch.symbols();
		int insertedHere = batch.count(Counter.INSERTED);
		long total;
		synchronized (this) {
			this.finishedNow++;
			this.finished++;
			this.inserted += insertedHere;
			total = this.inserted;
			log.info("Finished batch {}/{} ({}) - {} inserted, {} rejected - {} trades inserted so far", batch.batch(),
					batch.batchCount(), String.join(", ", symbols), insertedHere, batch.count(Counter.REJECTED), total);
			this.status.batchFinished(symbols.size(), insertedHere, this.clock.instant());
		}
		this.notifier.partitionCommitted(SyncWindow.of(step.getJobExecution().getJobParameters()).account(),
				step.getJobExecution().getId(), batch.batch(), batch.batchCount(), insertedHere, total, symbols);
		return step.getExitStatus();
	}

	/** Elapsed / batches finished by this execution * batches left, or --:-- before the first. */
	private String eta(int batchCount) {
		if (this.finishedNow == 0) {
			return "--:--";
		}
		int remaining = Math.max(0, batchCount - this.finished);
		Duration elapsed = Duration.between(this.started, this.clock.instant());
		return format(elapsed.multipliedBy(remaining).dividedBy(this.finishedNow));
	}

	static String format(Duration eta) {
		long seconds = eta.toSeconds();
		if (seconds >= 3600) {
			return String.format("%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
		}
		return String.format("%d:%02d", seconds / 60, seconds % 60);
	}

}
