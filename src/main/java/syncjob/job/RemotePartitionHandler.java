package syncjob.job;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The manager's side of the symbols step with {@code --role=manager}: shares its position
 * reading with the workers ({@link SharedSnapshot}), sends one request per partition through
 * Spring Batch's {@link MessageChannelPartitionHandler}, and learns completion by reading the
 * job repository (no reply queue). It waits at most {@code sync.partition-timeout}: a worker
 * that died leaves its partition STARTED, and the run then fails restartably, naming what did
 * not finish.
 */
final class RemotePartitionHandler implements PartitionHandler {

	private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

	private final MessageChannelPartitionHandler delegate;

	private final String workerStep;

	private final ExchangeSnapshot snapshot;

	private final JobRepository jobRepository;

	private final Duration timeout;

	private final String queue;

	private final String apiKey;

	private final RunStatus status;

	private final Clock clock;

	private final Duration pollInterval;

	private final CurrentExecution current;

	RemotePartitionHandler(MessageChannelPartitionHandler delegate, String workerStep, ExchangeSnapshot snapshot,
			JobRepository jobRepository, Duration timeout, String queue, String apiKey, RunStatus status, Clock clock,
			Duration pollInterval, CurrentExecution current) {
		this.current = current;
		this.apiKey = apiKey;
		this.status = status;
		this.clock = clock;
		this.pollInterval = pollInterval;
		this.delegate = delegate;
		this.workerStep = workerStep;
		this.snapshot = snapshot;
		this.jobRepository = jobRepository;
		this.timeout = timeout;
		this.queue = queue;
	}

	@Override
	public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStep)
			throws Exception {
		JobExecution job = managerStep.getJobExecution();
		// taken afresh by every execution, restarts included, as in one process
		ExchangeSnapshot.Taken taken = this.snapshot.get();
		SharedSnapshot.write(job.getExecutionContext(), taken.positions(), taken.at());
		CredentialFingerprint.write(job.getExecutionContext(), this.apiKey);
		this.jobRepository.updateExecutionContext(job);
		log.info("Sending the {} partitions of execution {} to the workers on queue {} (waiting at most {})",
				this.workerStep, job.getId(), this.queue, this.timeout);
		// SIGTERM: the wait for the workers is the one place of a manager's run that no stop check
		// reaches, so the stop interrupts it (the partitions already taken go on in the workers)
		Thread handling = Thread.currentThread();
		try (CurrentExecution.StopHook stop = this.current.onStop(handling::interrupt);
				WorkerProgressWatch watch = this.workerStep.equals(SyncJobConfiguration.WORKER_STEP)
						? WorkerProgressWatch.start(this.jobRepository, this.status, this.clock, job.getId(),
								this.pollInterval)
						: null) {
			Collection<StepExecution> finished = this.delegate.handle(splitter, managerStep);
			stop.close();
			clearOwnInterrupt();
			refresh(job);
			adopt(job, finished);
			return finished;
		}
		catch (InterruptedException ex) {
			if (!this.current.stopRequested()) {
				throw ex;
			}
			clearOwnInterrupt();
			failUnclaimed(job.getId());
			throw new JobInterruptedException("stopped while the workers ran its " + this.workerStep
					+ " partitions: those they committed are kept, --restart sends the others again", BatchStatus.STOPPED);
		}
		catch (TimeoutException ex) {
			List<String> unfinished = unfinished(job.getId());
			failUnclaimed(job.getId());
			throw new PartitionTimeoutException("partitions not finished by the workers within sync.partition-timeout="
					+ this.timeout + ": " + String.join(", ", unfinished)
					+ " (a worker died, or none consumes queue " + this.queue
					+ "); completed batches are kept: start the workers and run --restart");
		}
		catch (Exception ex) {
			// e.g. the broker refused a request: those already queued must not run for a failed run
			failUnclaimed(job.getId());
			throw ex;
		}
	}

	/** An interrupt this handler caused on a stop must not reach the repository's next query. */
	private void clearOwnInterrupt() {
		if (this.current.stopRequested()) {
			Thread.interrupted();
		}
	}

	/**
	 * A worker's income partition wrote what it found (the symbols, the income horizon) into the
	 * job's execution context in the repository: the manager's copy takes it, before the job
	 * saves its copy after the step and before the next step reads it.
	 */
	private void refresh(JobExecution job) {
		ExecutionContext stored = this.jobRepository.getJobExecution(job.getId()).getExecutionContext();
		for (Map.Entry<String, Object> entry : stored.entrySet()) {
			job.getExecutionContext().put(entry.getKey(), entry.getValue());
		}
	}

	/**
	 * The job's own copies of the partitions are those the manager created, still STARTING:
	 * they take what the workers recorded (status, counts, context), as in one process, so the
	 * summary counts the batches and trades the workers committed.
	 */
	private static void adopt(JobExecution job, Collection<StepExecution> finished) {
		Map<Long, StepExecution> byId = new java.util.HashMap<>();
		finished.forEach((step) -> byId.put(step.getId(), step));
		for (StepExecution own : job.getStepExecutions()) {
			StepExecution recorded = byId.get(own.getId());
			if (recorded != null && recorded != own) {
				own.setStatus(recorded.getStatus());
				own.setExitStatus(recorded.getExitStatus());
				own.setExecutionContext(recorded.getExecutionContext());
				own.setReadCount(recorded.getReadCount());
				own.setWriteCount(recorded.getWriteCount());
				own.setFilterCount(recorded.getFilterCount());
				own.setCommitCount(recorded.getCommitCount());
				own.setRollbackCount(recorded.getRollbackCount());
				own.setStartTime(recorded.getStartTime());
				own.setEndTime(recorded.getEndTime());
				own.setLastUpdated(recorded.getLastUpdated());
				own.setVersion(recorded.getVersion());
			}
		}
	}

	/**
	 * Requests still queued would otherwise run later for an execution that already failed
	 * (timed out, or could not send every request):
	 * their partitions, never claimed, are marked FAILED so a worker skips them, and a restart
	 * sends them again. A STARTED one is left as it is: its worker may be alive and about to
	 * commit; a restart recovers it.
	 */
	private void failUnclaimed(long jobExecutionId) {
		for (StepExecution step : this.jobRepository.getJobExecution(jobExecutionId).getStepExecutions()) {
			if (step.getStepName().startsWith(this.workerStep + ":") && step.getStatus() == BatchStatus.STARTING) {
				step.setStatus(BatchStatus.FAILED);
				step.setExitStatus(ExitStatus.FAILED.addExitDescription("not taken by a worker within the timeout"));
				step.setEndTime(LocalDateTime.now());
				try {
					this.jobRepository.update(step);
				}
				catch (OptimisticLockingFailureException claimed) {
					log.info("Partition {} was taken by a worker just now", step.getStepName());
				}
			}
		}
	}

	private List<String> unfinished(long jobExecutionId) {
		return this.jobRepository.getJobExecution(jobExecutionId)
			.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().startsWith(this.workerStep + ":"))
			.filter((step) -> step.getStatus().isRunning())
			.map((step) -> (this.workerStep.equals(SyncJobConfiguration.WORKER_STEP)
					? "batch " + PartitionContext.of(step).batch() : "income") + " " + step.getStatus())
			.sorted()
			.toList();
	}

	/** The manager gave up waiting: the run fails, and {@code --restart} redoes what did not commit. */
	static final class PartitionTimeoutException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		PartitionTimeoutException(String message) {
			super(message);
		}

	}

}
