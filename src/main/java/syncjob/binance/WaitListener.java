package syncjob.binance;

import java.time.Instant;

/**
 * Told when the client waits instead of calling, so a person watching the run sees why it is
 * quiet: the weight budget is spent for this minute, Binance asked for a pause (429, 418,
 * 403), or a call failed and is retried after a backoff. Called on the waiting thread;
 * implementations only record what they are told.
 */
public interface WaitListener {

	WaitListener NONE = new WaitListener() {
	};

	/** No call leaves before {@code until}; {@code reason} says why, e.g. "weight limit". */
	default void waiting(Instant until, String reason) {
	}

	/** Retry {@code retry} of at most {@code maxRetries} follows, after {@code problem}. */
	default void retrying(int retry, int maxRetries, String problem) {
	}

	/** A call went out after a wait or a retry: the run proceeds. */
	default void proceeding() {
	}

}
