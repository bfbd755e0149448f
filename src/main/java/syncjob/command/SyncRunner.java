package syncjob.command;

/**
 * The job as the command line sees it: one request in, one outcome out. The job implements
 * it and the command line finds it in the application context, so neither names the other.
 */
public interface SyncRunner {

	SyncOutcome run(SyncRequest request);

}
