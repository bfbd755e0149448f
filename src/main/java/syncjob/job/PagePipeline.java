package syncjob.job;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Overlaps producing pages with consuming them: the producer runs on its own thread, at most
 * {@value #AHEAD} pages ahead, while the consumer works on the calling thread (the one holding
 * the step's transaction). The income step fetches the next page while it stages this one.
 */
final class PagePipeline {

	/** Pages the producer may run ahead: enough to cover jitter, few enough to bound the heap. */
	static final int AHEAD = 2;

	private static final long POLL_MILLIS = 20;

	private PagePipeline() {
	}

	/**
	 * Runs {@code producer} (which hands each page to the sink it is given) on a new thread and
	 * {@code consumer} on this one, in page order; returns the producer's result. A failure on
	 * either side stops both and is thrown here.
	 */
	static <P, R> R run(String threadName, Function<Consumer<P>, R> producer, Consumer<P> consumer) {
		BlockingQueue<P> pages = new ArrayBlockingQueue<>(AHEAD);
		CompletableFuture<R> result = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				result.complete(producer.apply((page) -> put(pages, page)));
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		}, threadName);
		thread.setDaemon(true);
		thread.start();
		try {
			while (true) {
				P page = pages.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
				if (page != null) {
					consumer.accept(page);
				}
				else if (result.isDone()) {
					// the producer puts every page before it completes: what is queued now is all
					for (P rest = pages.poll(); rest != null; rest = pages.poll()) {
						consumer.accept(rest);
					}
					return result.join();
				}
			}
		}
		catch (CompletionException ex) {
			throw rethrown(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the next page", ex);
		}
		finally {
			// a consumer failure leaves the producer blocked on a full queue or in a call: end it
			if (!result.isDone()) {
				thread.interrupt();
			}
		}
	}

	private static <P> void put(BlockingQueue<P> pages, P page) {
		try {
			pages.put(page);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("page producer stopped: its consumer failed", ex);
		}
	}

	private static RuntimeException rethrown(Throwable cause) {
		if (cause instanceof Error error) {
			throw error;
		}
		return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
	}

}
