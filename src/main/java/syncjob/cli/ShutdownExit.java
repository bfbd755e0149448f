package syncjob.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringApplication;

import syncjob.command.ExitCode;

/**
 * The exit code of a run that a signal (SIGTERM) ends. The JVM decides the status of a
 * signalled process (143) unless a shutdown hook halts it: once Spring Boot's hook has closed
 * the context, which stops the running execution first, this handler waits for the command to
 * word the outcome, then halts with its code (1 for a stopped run, as the contract says).
 * Removed when the command returns normally, so in-JVM runs (tests) leave nothing behind.
 */
final class ShutdownExit implements Runnable {

	/** How long a signalled run may take to word its outcome after the context closed. */
	private static final long PATIENCE_SECONDS = 10;

	private final CountDownLatch decided = new CountDownLatch(1);

	private final PrintStream out;

	private final PrintStream err;

	private volatile ExitCode exitCode;

	private ShutdownExit(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	static ShutdownExit install(PrintStream out, PrintStream err) {
		ShutdownExit exit = new ShutdownExit(out, err);
		SpringApplication.getShutdownHandlers().add(exit);
		return exit;
	}

	void decided(ExitCode code) {
		this.exitCode = code;
		this.decided.countDown();
	}

	void uninstall() {
		try {
			SpringApplication.getShutdownHandlers().remove(this);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down: this handler is running or about to
		}
	}

	@Override
	public void run() {
		try {
			if (this.decided.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
				this.out.flush();
				this.err.flush();
				Runtime.getRuntime().halt(this.exitCode.code());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
