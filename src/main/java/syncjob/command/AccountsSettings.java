package syncjob.command;

/**
 * The settings of a run over several accounts, as the job binds them ({@code sync.accounts-file},
 * {@code sync.max-parallel-accounts}), for the command line that starts one job per account.
 */
public interface AccountsSettings {

	/** The accounts file, or null when none is configured. */
	String accountsFile();

	/** How many accounts are synced at once. */
	Integer maxParallelAccounts();

}
