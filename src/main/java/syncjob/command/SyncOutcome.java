package syncjob.command;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a request ended, as facts: the command line turns each into the operator's text and
 * the process exit code.
 */
public sealed interface SyncOutcome {

	ExitCode exitCode();

	/** The account is synced up to {@code to} already, in {@code database}: no execution was created. */
	record UpToDate(String account, Instant syncedTo, Instant to, String database) implements SyncOutcome {

		@Override
		public ExitCode exitCode() {
			return ExitCode.OK;
		}

	}

	/**
	 * An execution ran and ended: {@code status} is its batch status, {@code failures} the
	 * messages of what failed, {@code report} the reconciliation when it got that far.
	 * {@code inserted} and {@code alreadyPresent} count the trades of the window's batches
	 * (earlier executions of a restarted window included); {@code database} names where they
	 * are, without credentials.
	 */
	record Ran(long executionId, String account, Instant from, Instant to, String status, List<String> failures,
			Optional<Report> report, ExitCode exitCode, long inserted, long alreadyPresent,
			String database) implements SyncOutcome {

		public Ran {
			failures = List.copyOf(failures);
		}

		public boolean stopped() {
			return "STOPPED".equals(this.status);
		}

	}

	/** {@code --restart} found no unfinished execution in the database. */
	record NothingToRestart(String database) implements SyncOutcome {

		@Override
		public ExitCode exitCode() {
			return ExitCode.OK;
		}

	}

	/** The run could not start its job: the exchange failed before any execution existed. */
	record FailedToStart(String cause) implements SyncOutcome {

		@Override
		public ExitCode exitCode() {
			return ExitCode.FAILED;
		}

	}

	/** Another process holds the account's lock. */
	record AccountLocked(String account) implements Refusal {

	}

	/** {@code --restart=ID} names no execution of the job in the database. */
	record NoSuchExecution(long executionId, String database) implements Refusal {

	}

	/** {@code --restart=ID} names an execution that ended COMPLETED or ABANDONED. */
	record NotRestartable(long executionId, String status, String database) implements Refusal {

	}

	/** An execution still marked running whose process this database cannot prove gone. */
	record StillRunning(Optional<Long> executionId, String status) implements Refusal {

	}

	/** The restart would read another exchange than the execution read. */
	record OtherExchange(long executionId, String executionBaseUrl, String configuredBaseUrl) implements Refusal {

	}

	/** Settings that only a run which reaches the exchange needs, e.g. missing credentials. */
	record MissingSettings(List<String> problems) implements Refusal {

		public MissingSettings {
			problems = List.copyOf(problems);
		}

	}

	/** Binance refused the credentials at the run's first signed call. */
	record CredentialsRefused(String detail) implements Refusal {

	}

	/** Outcomes that write nothing and exit 2: the operator corrects what they name. */
	sealed interface Refusal extends SyncOutcome {

		@Override
		default ExitCode exitCode() {
			return ExitCode.USAGE;
		}

	}

	/**
	 * The reconciliation of a completed execution, as stored: {@code table} is its formatted report,
	 * {@code gaps} one plain line per kind of data Binance did not serve, {@code totals} the
	 * figures a summary shows.
	 */
	record Report(String table, List<String> gaps, List<String> rejectedTrades, Totals totals) {

		public Report {
			gaps = List.copyOf(gaps);
			rejectedTrades = List.copyOf(rejectedTrades);
		}

	}

	/**
	 * The reconciliation's headline: {@code symbols} compared, those with a difference by name,
	 * trades recorded and rejected in the window, lifecycles still open at its end, and those
	 * that started before what Binance serves.
	 */
	record Totals(int symbols, List<String> differing, int recorded, int rejected, int open, int incomplete) {

		public Totals {
			differing = List.copyOf(differing);
		}

		public int reconciled() {
			return this.symbols - this.differing.size();
		}

	}

}
