package syncjob.job;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;

/** Finds the execution {@code --restart} means: the one named by id, or the most recent unfinished one. */
final class RestartTargets {

	/** How many of the newest job instances {@code --restart} alone looks through. */
	private static final int LOOK_BACK = 200;

	private static final Set<BatchStatus> UNFINISHED = EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED,
			BatchStatus.STARTED, BatchStatus.STARTING, BatchStatus.STOPPING, BatchStatus.UNKNOWN);

	private final JobRepository jobRepository;

	RestartTargets(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	/** The sync execution with this id, if there is one. */
	Optional<JobExecution> byId(long id) {
		JobExecution execution;
		try {
			execution = this.jobRepository.getJobExecution(id);
		}
		catch (EmptyResultDataAccessException ex) {
			// Spring Batch 6's JDBC repository throws where earlier versions returned null
			return Optional.empty();
		}
		if (execution == null || !SyncJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName())) {
			return Optional.empty();
		}
		return Optional.of(execution);
	}

	/** The newest job instance's last execution that did not finish, newest instances first. */
	Optional<JobExecution> mostRecentUnfinished() {
		return mostRecentUnfinished(Optional.empty());
	}

	/** The same, among the syncs of {@code account} only when one is given. */
	Optional<JobExecution> mostRecentUnfinished(Optional<String> account) {
		for (JobInstance instance : this.jobRepository.getJobInstances(SyncJobConfiguration.JOB_NAME, 0, LOOK_BACK)) {
			JobExecution last = this.jobRepository.getLastJobExecution(instance);
			if (last != null && UNFINISHED.contains(last.getStatus())
					&& account.map((name) -> name.equals(SyncWindow.of(last.getJobParameters()).account())).orElse(true)) {
				return Optional.of(last);
			}
		}
		return Optional.empty();
	}

	static boolean isFinished(JobExecution execution) {
		return !UNFINISHED.contains(execution.getStatus());
	}

}
