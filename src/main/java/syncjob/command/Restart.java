package syncjob.command;

import java.util.Objects;
import java.util.Optional;

/**
 * A request to restart: the most recent unfinished execution (of one account, in a run of
 * several), or the one named by id.
 */
public record Restart(Optional<Long> executionId, Optional<String> account) {

	public Restart {
		Objects.requireNonNull(executionId, "executionId");
		Objects.requireNonNull(account, "account");
	}

	public Restart(Optional<Long> executionId) {
		this(executionId, Optional.empty());
	}

	public static Restart mostRecent() {
		return new Restart(Optional.empty());
	}

	/** The most recent unfinished execution of {@code account}'s syncs. */
	public static Restart mostRecentOf(String account) {
		return new Restart(Optional.empty(), Optional.of(account));
	}

	public static Restart of(long executionId) {
		return new Restart(Optional.of(executionId));
	}

}
