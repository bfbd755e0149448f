package syncjob.command;

/**
 * A process that runs partitions for remote managers ({@code --role=worker}) instead of one
 * sync: the job implements it and the command line finds it in the application context.
 */
public interface PartitionWorker {

	/** Serves until the process is asked to stop (SIGTERM), then tells how it ended. */
	ExitCode serveUntilStopped() throws InterruptedException;

}
