package syncjob.job;

import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import syncjob.job.PartitionContext.Counter;

/**
 * What the window's committed batches counted, over every execution of its job instance: a
 * restart's summary then covers the whole window, not only the batches it redid.
 *
 * @param batches        batches committed
 * @param inserted       trades inserted
 * @param alreadyPresent trades that were in the journal already (an overlapping window)
 */
record BatchCounts(int batches, long inserted, long alreadyPresent) {

	static BatchCounts of(JobRepository jobRepository, JobExecution execution) {
		List<JobExecution> executions;
		try {
			// a stopped run is worded while the process shuts down: no database call then
			executions = execution.getStatus() == BatchStatus.STOPPED ? List.of(execution)
					: jobRepository.getJobExecutions(execution.getJobInstance());
		}
		catch (RuntimeException ex) {
			// a stopped run ends while the process shuts down, its database maybe gone: this execution's own count
			executions = List.of(execution);
		}
		int batches = 0;
		long inserted = 0;
		long present = 0;
		for (JobExecution any : executions) {
			// the repository's copies, this execution's too: what every batch recorded when it ended
			for (StepExecution step : any.getStepExecutions()) {
				if (step.getStepName().startsWith(SyncJobConfiguration.WORKER_STEP + ":")
						&& step.getStatus() == BatchStatus.COMPLETED) {
					PartitionContext batch = PartitionContext.of(step);
					batches++;
					inserted += batch.count(Counter.INSERTED);
					present += batch.count(Counter.DUPLICATES_SKIPPED);
				}
			}
		}
		return new BatchCounts(batches, inserted, present);
	}

}
