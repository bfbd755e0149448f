package syncjob.command;

/** Invalid usage or configuration: the message says what is wrong and how to fix it (exit 2). */
public class UsageException extends RuntimeException {

	public UsageException(String message) {
		super(message);
	}

}
