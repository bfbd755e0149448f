package syncjob.command;

import java.util.List;
import java.util.Optional;

/**
 * A worker of several accounts ({@code --role=worker} with {@code sync.accounts-file} or
 * {@code accounts=}): one application context per account, each with that account's
 * credentials and nothing else of the others, started when the account's first partition
 * request arrives. The worker's queue consumers hand each request to the context of the
 * account its execution belongs to. Credentials are read from where the accounts file says,
 * never from a message or the database.
 */
public interface AccountContexts {

	/**
	 * The bean of {@code type} in the context of {@code account}, started on first use; empty
	 * when this worker is not configured for the account.
	 * @throws IllegalStateException when the account's credentials cannot be read or its context does not start
	 */
	<T> Optional<T> bean(String account, Class<T> type);

	/** The beans of {@code type} in every account context started so far. */
	<T> List<T> started(Class<T> type);

	/**
	 * Registered in each account's own context: that context runs the account's partitions for
	 * the worker and serves no queue of its own.
	 */
	record Member(String account) {
	}

}
