package syncjob.command;

import java.util.Optional;

/** A request to restart: the most recent unfinished execution, or the one named by id. */
public record Restart(Optional<Long> executionId) {

	public static Restart mostRecent() {
		return new Restart(Optional.empty());
	}

	public static Restart of(long executionId) {
		return new Restart(Optional.of(executionId));
	}

}
