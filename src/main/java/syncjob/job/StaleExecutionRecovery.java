package syncjob.job;

import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Makes an execution that a dead process left behind restartable. Callers first prove the
 * process is gone (they hold the account's lock on a database whose lock excludes other
 * processes). {@link JobOperator#recover} marks running steps and the execution FAILED; it
 * skips an UNKNOWN execution and UNKNOWN steps, which Spring Batch leaves when it could not
 * save its own metadata (the database connection was lost) and then refuses to restart. Only
 * that is added here: redoing such a step is safe, since a partition's rows and its
 * checkpoint commit in one transaction and every insert is idempotent.
 */
final class StaleExecutionRecovery {

	private static final Logger log = LoggerFactory.getLogger(StaleExecutionRecovery.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	StaleExecutionRecovery(JobOperator jobOperator, JobRepository jobRepository) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
	}

	/** Still marked running, UNKNOWN, or with a step so: Spring Batch will not restart it as it is. */
	static boolean isStale(JobExecution execution) {
		return execution.getStatus().isRunning() || execution.getStatus() == BatchStatus.UNKNOWN
				|| execution.getStepExecutions()
					.stream()
					.anyMatch((step) -> step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning());
	}

	/** Recovers the execution and returns it as the repository now has it. */
	JobExecution recover(JobExecution execution) {
		log.warn("Execution {} was left {} by a process that is gone or lost its database: recovering it",
				execution.getId(), execution.getStatus());
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus() == BatchStatus.UNKNOWN) {
				markFailed(step);
				this.jobRepository.update(step);
			}
		}
		if (execution.getStatus() == BatchStatus.UNKNOWN) {
			// recover() leaves an UNKNOWN execution as it is; FAILED lets it do the rest
			execution.setStatus(BatchStatus.FAILED);
			this.jobRepository.update(execution);
		}
		this.jobOperator.recover(execution);
		return this.jobRepository.getJobExecution(execution.getId());
	}

	private static void markFailed(StepExecution step) {
		step.setStatus(BatchStatus.FAILED);
		if (step.getEndTime() == null) {
			step.setEndTime(LocalDateTime.now());
		}
	}

}
