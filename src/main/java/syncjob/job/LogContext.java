package syncjob.job;

import java.util.Map;

import org.slf4j.MDC;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Puts the account and the execution id in the logging context (MDC) of every thread that
 * works for an execution: the job's, and each partition's, which Spring Batch runs on its
 * own thread. Structured logs (e.g. {@code --logging.structured.format.console=ecs}) then
 * carry both on every line, so one run's lines can be found among many.
 */
final class LogContext implements JobExecutionListener, StepExecutionListener {

	static final String ACCOUNT = "account";

	static final String EXECUTION = "executionId";

	/** For the lines before an execution exists (the window, the lock, the restart target). */
	static void account(String account) {
		MDC.put(ACCOUNT, account);
	}

	/**
	 * The task run with the logging context of the thread that hands it over: fetch threads work
	 * for the partition (or the income step) that gave them the task, and their lines say so.
	 */
	static Runnable carried(Runnable task) {
		Map<String, String> context = MDC.getCopyOfContextMap();
		return () -> {
			Map<String, String> before = MDC.getCopyOfContextMap();
			if (context == null) {
				MDC.clear();
			}
			else {
				MDC.setContextMap(context);
			}
			try {
				task.run();
			}
			finally {
				if (before == null) {
					MDC.clear();
				}
				else {
					MDC.setContextMap(before);
				}
			}
		};
	}

	static void clear() {
		MDC.remove(ACCOUNT);
		MDC.remove(EXECUTION);
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		put(jobExecution);
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		put(stepExecution.getJobExecution());
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		// a partition's thread goes back to the pool; the job's thread keeps its context until the run ends
		if (stepExecution.getStepName().startsWith(SyncJobConfiguration.WORKER_STEP + ":")) {
			MDC.remove(EXECUTION);
			MDC.remove(ACCOUNT);
		}
		return stepExecution.getExitStatus();
	}

	private static void put(JobExecution execution) {
		MDC.put(ACCOUNT, SyncWindow.of(execution.getJobParameters()).account());
		MDC.put(EXECUTION, String.valueOf(execution.getId()));
	}

}
