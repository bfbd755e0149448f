package syncjob.job;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.SmartLifecycle;

/**
 * On shutdown (SIGTERM), stops the running execution and waits for it to end STOPPED, before
 * the context destroys the connection pool: lifecycle beans stop before singletons are
 * destroyed, and this one stops first. The execution stays restartable with --restart.
 */
final class RunningJobStopper implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RunningJobStopper.class);

	private final CurrentExecution current;

	private final JobOperator jobOperator;

	private final Duration grace;

	private volatile boolean running;

	RunningJobStopper(CurrentExecution current, JobOperator jobOperator, Duration grace) {
		this.current = current;
		this.jobOperator = jobOperator;
		this.grace = grace;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		JobExecution execution = this.current.running();
		if (execution == null) {
			return;
		}
		// the command line says how the run ended, and how to resume it, in one line
		log.info("Shutdown requested: stopping execution {}", execution.getId());
		this.current.requestStop();
		try {
			this.jobOperator.stop(execution);
			if (!this.current.awaitFinished(this.grace)) {
				log.warn("Execution {} did not stop within {}s", execution.getId(), this.grace.toSeconds());
			}
		}
		catch (Exception ex) {
			log.warn("Could not stop execution {}: {}", execution.getId(), ex.getMessage());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
