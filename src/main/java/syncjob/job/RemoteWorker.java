package syncjob.job;

import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

import syncjob.command.ExitCode;
import syncjob.command.PartitionWorker;

/**
 * The worker process ({@code --role=worker}): consumes partition requests from the moment the
 * context is up until SIGTERM. On shutdown it stops first, before the queue's consumers: the
 * running partitions are asked to stop at their next symbol (they end STOPPED, restartable,
 * and record it, so the manager stops waiting), requests arriving meanwhile go back to the
 * queue for another worker, and the consumers are stopped once the running partitions have
 * ended, acknowledging them.
 */
final class RemoteWorker implements PartitionWorker, SmartLifecycle {

	/** Starts after the consumers, stops before them. */
	static final int PHASE = Integer.MAX_VALUE;

	private static final Logger log = LoggerFactory.getLogger(RemoteWorker.class);

	private final RemotePartitionRouter router;

	private final AbstractMessageListenerContainer consumers;

	private final String queue;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile boolean running;

	RemoteWorker(RemotePartitionRouter router, AbstractMessageListenerContainer consumers, String queue) {
		this.router = router;
		this.consumers = consumers;
		this.queue = queue;
	}

	@Override
	public ExitCode serveUntilStopped() throws InterruptedException {
		this.stopped.await();
		return ExitCode.OK;
	}

	@Override
	public void start() {
		this.running = true;
		log.info("Worker ready: consuming partition requests from queue {}", this.queue);
	}

	@Override
	public void stop() {
		this.running = false;
		log.info("Worker stopping: running partitions end STOPPED at their next symbol, to be redone by --restart");
		this.router.stopTaking();
		// waits for the running partitions (at most the consumers' shutdown timeout), then acknowledges them
		this.consumers.stop();
		this.router.close();
		this.stopped.countDown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
