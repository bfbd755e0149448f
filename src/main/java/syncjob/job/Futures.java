package syncjob.job;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to another thread, with its failure thrown here as it was thrown there. */
final class Futures {

	private Futures() {
	}

	/**
	 * The result of {@code asked}; its RuntimeException or Error as thrown on the other thread.
	 * Interrupted, it cancels the work and fails naming {@code what} was awaited.
	 */
	static <T> T await(Future<T> asked, String what) {
		try {
			return asked.get();
		}
		catch (ExecutionException ex) {
			throw thrownThere(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			asked.cancel(true);
			throw new IllegalStateException("interrupted while " + what, ex);
		}
	}

	/** What the other thread threw, to throw here: its RuntimeException, its Error, or a wrapper. */
	static RuntimeException thrownThere(ExecutionException ex) {
		if (ex.getCause() instanceof RuntimeException runtime) {
			return runtime;
		}
		if (ex.getCause() instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(ex.getCause());
	}

}
