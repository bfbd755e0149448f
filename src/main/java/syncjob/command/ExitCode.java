package syncjob.command;

/**
 * The process exit codes of the contract. An enum rather than int constants: the job and the
 * command line both name these, and a constant would be copied into each class that uses it.
 */
public enum ExitCode {

	/** Completed and reconciled, or nothing to do. */
	OK(0),

	/** Failed or stopped; the completed batches are kept and {@code --restart} resumes. */
	FAILED(1),

	/** Invalid usage or configuration, or credentials Binance refuses; nothing was written. */
	USAGE(2),

	/** Completed, but validation rejected trades or a reconciliation difference remains. */
	DIFFERENCES(3);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

	/** The exit code with this number; anything unknown counts as a failure. */
	public static ExitCode of(int code) {
		for (ExitCode exit : values()) {
			if (exit.code == code) {
				return exit;
			}
		}
		return FAILED;
	}

}
