package syncjob.journal;

/** Held while a run syncs an account; closing releases it. */
public interface AccountLock extends AutoCloseable {

	/** Whether the holder can be sure that no other process runs a sync of this account. */
	boolean excludesOtherProcesses();

	@Override
	void close();

}
