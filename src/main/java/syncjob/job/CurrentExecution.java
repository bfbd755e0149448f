package syncjob.job;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** The execution this process is running, if any, so that a SIGTERM can stop it cleanly. */
final class CurrentExecution implements JobExecutionListener {

	private volatile JobExecution running;

	private volatile CountDownLatch finished = new CountDownLatch(0);

	private volatile boolean stopRequested;

	private final Set<Runnable> onStop = ConcurrentHashMap.newKeySet();

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.finished = new CountDownLatch(1);
		this.stopRequested = false;
		this.running = jobExecution;
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		this.running = null;
		this.finished.countDown();
	}

	void requestStop() {
		this.stopRequested = true;
		this.onStop.forEach(Runnable::run);
	}

	/**
	 * Runs {@code action} when a stop is requested, at once if one was already, until the
	 * returned handle is closed: for a wait the job's own checks cannot reach, such as a
	 * manager's wait for its workers.
	 */
	StopHook onStop(Runnable action) {
		this.onStop.add(action);
		StopHook hook = () -> this.onStop.remove(action);
		if (this.stopRequested) {
			action.run();
		}
		return hook;
	}

	/** Removes its action; closing twice is harmless. */
	interface StopHook extends AutoCloseable {

		@Override
		void close();

	}

	/** Checked between symbols: the partition then rolls back and ends STOPPED, to be redone on restart. */
	boolean stopRequested() {
		return this.stopRequested;
	}

	JobExecution running() {
		return this.running;
	}

	boolean awaitFinished(Duration timeout) throws InterruptedException {
		return this.finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

}
