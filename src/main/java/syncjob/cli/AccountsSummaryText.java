package syncjob.cli;

import java.io.PrintStream;
import java.util.List;

import syncjob.command.AccountsExit;
import syncjob.command.ExitCode;
import syncjob.command.SyncOutcome;

/**
 * The end of a run over several accounts: one line per account (name, outcome, exit code),
 * then the run's exit code by the several-accounts rule and what to do next.
 */
final class AccountsSummaryText {

	private static final int DETAIL = 60;

	private AccountsSummaryText() {
	}

	/** One account's end: its outcome and the exit code its own run would have had. */
	record AccountResult(String account, SyncOutcome outcome, ExitCode exit) {
	}

	/** Prints the list and returns the run's exit code. */
	static ExitCode print(PrintStream out, List<AccountResult> results) {
		ExitCode exit = AccountsExit.of(results.stream().map(AccountResult::exit).toList());
		int width = results.stream().mapToInt(r -> r.account().length()).max().orElse(0);
		out.println("Accounts: " + count(results, ExitCode.OK) + " reconciled, " + count(results, ExitCode.DIFFERENCES)
				+ " with differences, " + count(results, ExitCode.FAILED) + " failed, " + count(results, ExitCode.USAGE)
				+ " refused");
		for (AccountResult result : results) {
			out.println("  " + pad(result.account(), width) + "  exit " + result.exit().code() + "  "
					+ clip(line(result.outcome())));
		}
		out.println("Exit code " + exit.code() + ": " + meaning(exit));
		return exit;
	}

	static String line(SyncOutcome outcome) {
		if (outcome instanceof SyncOutcome.Ran ran) {
			String execution = "execution " + ran.executionId();
			return switch (ran.exitCode()) {
				case OK -> "completed, reconciled (" + execution + ")";
				case DIFFERENCES -> "completed with differences (" + execution + ", see its report)";
				default -> ran.status().toLowerCase(java.util.Locale.ROOT) + " (" + execution + ")"
						+ (ran.failures().isEmpty() ? "" : ": " + ran.failures().get(0));
			};
		}
		if (outcome instanceof SyncOutcome.UpToDate upToDate) {
			return "up to date (synced to " + upToDate.syncedTo() + ")";
		}
		if (outcome instanceof SyncOutcome.NothingToRestart) {
			return "nothing to restart";
		}
		if (outcome instanceof SyncOutcome.FailedToStart failed) {
			return "failed before its job started: " + failed.cause();
		}
		if (outcome instanceof SyncOutcome.AccountLocked) {
			return "refused: another sync of it is running";
		}
		if (outcome instanceof SyncOutcome.MissingSettings missing) {
			return "refused: " + String.join("; ", missing.problems());
		}
		if (outcome instanceof SyncOutcome.CredentialsRefused refused) {
			return "refused: Binance refused its credentials (" + refused.detail() + ")";
		}
		if (outcome instanceof SyncOutcome.StillRunning running) {
			return "refused: an execution of it is still " + running.status();
		}
		if (outcome instanceof SyncOutcome.OtherExchange other) {
			return "refused: execution " + other.executionId() + " read " + other.executionBaseUrl();
		}
		return "refused: " + outcome.getClass().getSimpleName();
	}

	private static String meaning(ExitCode exit) {
		return switch (exit) {
			case OK -> "every account completed and reconciled.";
			case DIFFERENCES -> "every account completed; some with differences (see their reports).";
			case FAILED -> "an account failed; its completed batches are kept: resume with --restart and the same "
					+ "accounts.";
			case USAGE -> "an account was refused (see its line); the others ran.";
		};
	}

	private static long count(List<AccountResult> results, ExitCode exit) {
		return results.stream().filter(r -> r.exit() == exit).count();
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(Math.max(0, width - text.length()));
	}

	private static String clip(String text) {
		return text.length() <= DETAIL ? text : text.substring(0, DETAIL - 3) + "...";
	}

}
