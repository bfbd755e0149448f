package syncjob.job;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import syncjob.command.ExitCode;
import syncjob.command.PartitionWorker;

/**
 * The worker process ({@code --role=worker}): consumes partition requests from the moment the
 * context is up until SIGTERM. On shutdown it stops first (before the queue's consumer and
 * the connection pool): the running partitions are asked to stop between symbols, end
 * STOPPED (restartable) and record it, so the manager stops waiting for them.
 */
final class RemoteWorker implements PartitionWorker, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RemoteWorker.class);

	private final RemotePartitionRunner runner;

	private final CurrentExecution current;

	private final String queue;

	private final Duration grace;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile boolean running;

	RemoteWorker(RemotePartitionRunner runner, CurrentExecution current, String queue, Duration grace) {
		this.runner = runner;
		this.current = current;
		this.queue = queue;
		this.grace = grace;
	}

	@Override
	public ExitCode serveUntilStopped() throws InterruptedException {
		this.stopped.await();
		return ExitCode.OK;
	}

	@Override
	public void start() {
		this.running = true;
		// started after the queue's consumer (lower phase): requests are being taken now
		log.info("Worker ready: consuming partition requests from queue {}", this.queue);
	}

	@Override
	public void stop() {
		this.running = false;
		log.info("Worker stopping: running partitions end STOPPED at their next symbol, to be redone by --restart");
		this.current.requestStop();
		try {
			if (!this.runner.awaitIdle(this.grace)) {
				log.warn("Partitions still running after {}s: they stay STARTED until the manager times out",
						this.grace.toSeconds());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.stopped.countDown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1;
	}

}
