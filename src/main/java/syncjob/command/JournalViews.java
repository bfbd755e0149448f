package syncjob.command;

import java.util.Optional;

/**
 * Read-only looks at the configured database, for a person: the job implements them and the
 * command line finds them in the application context. None calls the exchange or writes.
 */
public interface JournalViews {

	/** The full per-symbol reconciliation of that execution, or the account's latest. */
	View report(String account, Optional<Long> executionId);

	/** The account's watermark, its last executions, and what {@code --restart} would do. */
	View status(String account);

	/** One query, run read-only, as an aligned table. */
	View sql(String query);

}
