package syncjob.cli;

import java.io.PrintStream;

import syncjob.command.ExitCode;
import syncjob.command.SyncOutcome;
import syncjob.command.SyncOutcome.AccountLocked;
import syncjob.command.SyncOutcome.CredentialsRefused;
import syncjob.command.SyncOutcome.FailedToStart;
import syncjob.command.SyncOutcome.MissingSettings;
import syncjob.command.SyncOutcome.NoSuchExecution;
import syncjob.command.SyncOutcome.NotRestartable;
import syncjob.command.SyncOutcome.NothingToRestart;
import syncjob.command.SyncOutcome.OtherExchange;
import syncjob.command.SyncOutcome.Ran;
import syncjob.command.SyncOutcome.Report;
import syncjob.command.SyncOutcome.StillRunning;
import syncjob.command.SyncOutcome.UpToDate;
import syncjob.command.View;

/**
 * Words an outcome for the operator: the reconciliation report on {@code out}, and on
 * {@code err} one line for anything that needs the operator, saying what to do next.
 */
final class OutcomeText {

	private final PrintStream out;

	private final PrintStream err;

	OutcomeText(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** Prints the outcome and returns its exit code. */
	ExitCode print(SyncOutcome outcome) {
		if (outcome instanceof Ran ran) {
			ran(ran);
		}
		else if (outcome instanceof NothingToRestart none) {
			this.err.println("sync-job: nothing to restart in " + none.database()
					+ ": no execution there is FAILED, STOPPED or left unfinished");
		}
		else if (outcome instanceof FailedToStart failed) {
			this.err.println("sync-job: failed before the job started: " + failed.cause() + ". Run again when fixed.");
		}
		else if (outcome instanceof AccountLocked locked) {
			this.err.println("sync-job: another sync of account '" + locked.account()
					+ "' is running: wait for it to finish (it is released when that process ends)");
		}
		else if (outcome instanceof NoSuchExecution none) {
			this.err.println("sync-job: no execution " + none.executionId() + " in " + none.database()
					+ ": give an id from a failed run's message, or --restart alone for the most recent one");
		}
		else if (outcome instanceof NotRestartable done) {
			this.err.println("sync-job: execution " + done.executionId() + " in " + done.database() + " is "
					+ done.status() + ": there is nothing to restart; run a new sync instead");
		}
		else if (outcome instanceof StillRunning running) {
			this.err.println("sync-job: "
					+ running.executionId().map((id) -> "execution " + id).orElse("an execution of this window")
					+ " is marked " + running.status() + " and this database cannot prove its process is gone: "
					+ "once it is, resume it with --restart");
		}
		else if (outcome instanceof OtherExchange other) {
			this.err.println("sync-job: execution " + other.executionId() + " read " + other.executionBaseUrl()
					+ ", but binance.base-url is " + other.configuredBaseUrl()
					+ ": restart it against the exchange it read, or run a new sync");
		}
		else if (outcome instanceof MissingSettings missing) {
			this.err.println("sync-job: " + String.join("; ", missing.problems()));
		}
		else if (outcome instanceof CredentialsRefused refused) {
			this.err.println("sync-job: Binance refused the credentials: " + refused.detail()
					+ ". Check binance.api-key / binance.api-secret (BINANCE_API_KEY / BINANCE_API_SECRET), the key's "
					+ "futures read permission and its IP whitelist. Nothing was synced.");
		}
		else if (outcome instanceof UpToDate done) {
			this.out.println("Account " + done.account() + " is synced up to " + done.syncedTo() + " in "
					+ done.database() + ": nothing to do (exit 0)");
		}
		this.out.flush();
		this.err.flush();
		return outcome.exitCode();
	}

	/** Prints what a read-only look answered and returns its exit code. */
	ExitCode print(View view) {
		if (view.refusal().isPresent()) {
			this.err.println("sync-job: " + view.refusal().get());
		}
		else {
			this.out.print(view.text());
		}
		this.out.flush();
		this.err.flush();
		return view.exitCode();
	}

	private void ran(Ran ran) {
		ran.report().ifPresent((report) -> report(ran, report));
		if (ran.exitCode() == ExitCode.DIFFERENCES) {
			this.err.println("sync-job: execution " + ran.executionId()
					+ " completed, but trades were rejected or differences remain: see the summary above and --report="
					+ ran.executionId());
		}
		else if (ran.stopped()) {
			this.err.println("sync-job: execution " + ran.executionId() + " was stopped (STOPPED, restartable): "
					+ "its completed batches are kept; resume it with --restart (or --restart=" + ran.executionId() + ")");
		}
		else if (ran.exitCode() != ExitCode.OK) {
			String cause = ran.failures().isEmpty() ? "" : ": " + ran.failures().get(0);
			this.err.println("sync-job: execution " + ran.executionId() + " ended " + ran.status() + cause
					+ ". Completed batches are kept (" + ran.inserted() + " trades inserted, in " + ran.database()
					+ "); resume with --restart (or --restart=" + ran.executionId() + ").");
		}
	}

	private void report(Ran ran, Report report) {
		this.out.println();
		Summary.of(ran, report).forEach(this.out::println);
	}

}
