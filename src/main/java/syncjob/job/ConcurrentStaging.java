package syncjob.job;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import syncjob.journal.IncomeStaging;
import syncjob.lifecycle.IncomeRecord;

/**
 * Stages income pages on a few connections at once. One database session inserting a large
 * account's income was the income step's bottleneck (PostgreSQL at one core while the rest of
 * the machine idled). Each page commits on its own: staging is idempotent on
 * (account, incomeType, tranId), and the fetcher never hands on the same record twice, so pages
 * are disjoint and a failed step simply stages again on restart.
 */
final class ConcurrentStaging implements AutoCloseable {

	private final IncomeStaging staging;

	private final String account;

	private final long executionId;

	private final ExecutorService workers;

	/** Bounds the pages waiting for a worker, and so the heap they take. */
	private final Semaphore queued;

	private final AtomicInteger staged = new AtomicInteger();

	private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

	ConcurrentStaging(IncomeStaging staging, String account, long executionId, int connections) {
		this.staging = staging;
		this.account = account;
		this.executionId = executionId;
		AtomicInteger threads = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(connections, (task) -> {
			Thread thread = new Thread(task, "income-stage-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.queued = new Semaphore(connections * 2);
	}

	/** Queues the page, waiting while too many are queued; throws a worker's failure. */
	void submit(List<IncomeRecord> page) {
		throwIfFailed();
		try {
			this.queued.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while staging income", ex);
		}
		this.workers.execute(() -> {
			try {
				if (this.failure.get() == null) {
					this.staged.addAndGet(this.staging.stage(this.account, this.executionId, page));
				}
			}
			catch (RuntimeException ex) {
				this.failure.compareAndSet(null, ex);
			}
			finally {
				this.queued.release();
			}
		});
	}

	/** Waits for every queued page; returns how many records were new. */
	int finish() {
		this.workers.shutdown();
		try {
			while (!this.workers.awaitTermination(1, TimeUnit.SECONDS)) {
				// a page insert can take long on a busy database; keep waiting
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while staging income", ex);
		}
		throwIfFailed();
		return this.staged.get();
	}

	@Override
	public void close() {
		this.workers.shutdownNow();
	}

	private void throwIfFailed() {
		RuntimeException ex = this.failure.get();
		if (ex != null) {
			throw ex;
		}
	}

}
