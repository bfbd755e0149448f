package syncjob.binance;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs calls that do not depend on each other at once: a symbol's klines requests, its orders
 * asked one by one. They run on the client's fan-out threads, no more than {@link BinanceCaller}
 * lets be in flight, so that a long queue of such leaves cannot crowd out the calls a chain of
 * pages waits for at the connection limit; and at most {@link #WINDOW} of one caller's at a time,
 * so that a symbol with a thousand trades neither queues all of them ahead of the other symbols
 * nor holds all their answers at once. The tasks must not wait for other fan-out work.
 */
final class FanOut {

	/** One caller's tasks started and not yet handed on. */
	static final int WINDOW = 16;

	private final ExecutorService executor;

	FanOut(ExecutorService executor) {
		this.executor = executor;
	}

	/**
	 * Runs the tasks and hands each result to {@code consumer} on this thread, in the tasks'
	 * order, as soon as it and those before it are done. A failure is thrown as the task threw it,
	 * once the results before it are handed on; the tasks still running are then cancelled, since
	 * their results would not be used.
	 *
	 * @param what names the work in the message when the waiting thread is interrupted
	 */
	<T> void inOrder(List<? extends Callable<T>> tasks, Consumer<? super T> consumer, String what) {
		if (tasks.size() == 1) {
			// nothing to overlap: no hand-off to another thread
			consumer.accept(callHere(tasks.get(0)));
			return;
		}
		Deque<Future<T>> running = new ArrayDeque<>();
		int next = 0;
		try {
			while (next < tasks.size() || !running.isEmpty()) {
				while (next < tasks.size() && running.size() < WINDOW) {
					running.add(this.executor.submit(tasks.get(next++)));
				}
				Future<T> first = running.peek();
				T result = first.get();
				running.poll();
				consumer.accept(result);
			}
		}
		catch (ExecutionException ex) {
			cancel(running);
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException | CancellationException ex) {
			cancel(running);
			Thread.currentThread().interrupt();
			throw new BinanceRetryableException("interrupted while " + what, ex);
		}
		catch (RuntimeException | Error ex) {
			cancel(running);
			throw ex;
		}
	}

	private static <T> T callHere(Callable<T> task) {
		try {
			return task.call();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void cancel(Deque<? extends Future<?>> futures) {
		futures.forEach((future) -> future.cancel(true));
		futures.clear();
	}

}
