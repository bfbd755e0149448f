package syncjob.job;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A worker's handling of one partition request. AMQP delivers at least once (a request comes
 * again after a worker died, a connection dropped or the broker restarted), so a request runs
 * its step execution only if the execution is still STARTING: one already STARTED elsewhere,
 * or finished, is acknowledged and skipped. Two workers that read STARTING at once race on
 * the execution's version: the first update claims it, the other fails optimistically and
 * skips. Nothing is thrown back to the broker: a request that cannot run is recorded on its
 * execution (FAILED), and the manager learns of it from the repository.
 */
final class RemotePartitionRunner {

	private static final Logger log = LoggerFactory.getLogger(RemotePartitionRunner.class);

	private final JobRepository jobRepository;

	private final Map<String, Step> steps;

	private final String exchange;

	private volatile boolean stopping;

	private final Optional<String> credentials;

	/** @param apiKey the key this worker calls with, to check it against the execution's (null: unchecked) */
	RemotePartitionRunner(JobRepository jobRepository, Map<String, Step> steps, String exchange, String apiKey) {
		this.credentials = Optional.ofNullable(apiKey).map(CredentialFingerprint::of);
		this.jobRepository = jobRepository;
		this.steps = Map.copyOf(steps);
		this.exchange = exchange;
	}

	/** What a request came to; {@code NOT_NOW}: this worker is stopping, another one must take it. */
	enum Handled {
		RAN, SKIPPED, UNKNOWN, NOT_NOW
	}

	/** From now on requests are handed back untouched: the worker is shutting down. */
	void stopTaking() {
		this.stopping = true;
	}

	Handled handle(StepExecutionRequest request) {
		if (this.stopping) {
			return Handled.NOT_NOW;
		}
		StepExecution execution = find(request.getStepExecutionId());
		if (execution == null) {
			log.warn("Partition request for step execution {}: no such execution in this job repository "
					+ "(is the worker on the manager's database?): skipped", request.getStepExecutionId());
			return Handled.UNKNOWN;
		}
		if (execution.getStatus() != BatchStatus.STARTING) {
			log.info("Partition {} of execution {} is already {}: request acknowledged, not run again",
					execution.getStepName(), execution.getJobExecutionId(), execution.getStatus());
			return Handled.SKIPPED;
		}
		Step step = this.steps.get(request.getStepName());
		Optional<String> wanted = SyncWindow.exchangeOf(execution.getJobExecution().getJobParameters());
		if (step == null || (wanted.isPresent() && !wanted.get().equals(this.exchange))) {
			return refuse(execution, step == null ? "this worker has no step " + request.getStepName()
					: "the execution syncs from " + wanted.get() + " but this worker calls " + this.exchange
							+ ": start workers with the manager's binance.base-url");
		}
		Optional<String> launchedWith = CredentialFingerprint.read(execution.getJobExecution().getExecutionContext());
		if (launchedWith.isPresent() && this.credentials.isPresent() && !launchedWith.equals(this.credentials)) {
			return refuse(execution, "this worker holds another account's API key than the manager that launched "
					+ "the execution: give workers of one queue the credentials of the accounts sent to it");
		}
		execution.setStatus(BatchStatus.STARTED);
		try {
			this.jobRepository.update(execution);
		}
		catch (OptimisticLockingFailureException ex) {
			log.info("Partition {} of execution {} was claimed by another worker: request acknowledged",
					execution.getStepName(), execution.getJobExecutionId());
			return Handled.SKIPPED;
		}
		try {
			step.execute(execution);
		}
		catch (JobInterruptedException ex) {
			ended(execution, BatchStatus.STOPPED, ex);
		}
		catch (Throwable ex) {
			ended(execution, BatchStatus.FAILED, ex);
		}
		return Handled.RAN;
	}

	StepExecution find(long id) {
		try {
			return this.jobRepository.getStepExecution(id);
		}
		catch (EmptyResultDataAccessException ex) {
			// the JDBC repository throws, rather than answer null, for an id it does not have
			return null;
		}
	}

	Handled refuse(StepExecution execution, String reason) {
		log.error("Partition {} of execution {} cannot run here: {}", execution.getStepName(),
				execution.getJobExecutionId(), reason);
		execution.addFailureException(new IllegalStateException(reason));
		execution.setStatus(BatchStatus.FAILED);
		execution.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
		execution.setEndTime(java.time.LocalDateTime.now());
		try {
			this.jobRepository.update(execution);
		}
		catch (OptimisticLockingFailureException ex) {
			// another worker claimed it meanwhile: that one runs it
		}
		return Handled.SKIPPED;
	}

	/** The step threw instead of recording its end itself: record it, so the manager stops waiting. */
	private void ended(StepExecution execution, BatchStatus status, Throwable cause) {
		log.error("Partition {} of execution {} ended {}: {}", execution.getStepName(),
				execution.getJobExecutionId(), status, cause.toString());
		execution.addFailureException(cause);
		execution.setStatus(status);
		execution.setExitStatus(new ExitStatus(status.name()).addExitDescription(cause));
		if (execution.getEndTime() == null) {
			execution.setEndTime(java.time.LocalDateTime.now());
		}
		this.jobRepository.update(execution);
	}

}
