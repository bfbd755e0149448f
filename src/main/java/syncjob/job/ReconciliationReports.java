package syncjob.job;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import syncjob.command.SyncOutcome.Report;

/**
 * The reports the reconciliation step made in this process, until the runner hands each to
 * the command line with the execution's outcome.
 */
final class ReconciliationReports {

	private final Map<Long, Report> byExecution = new ConcurrentHashMap<>();

	void put(long executionId, Report report) {
		this.byExecution.put(executionId, report);
	}

	Optional<Report> take(long executionId) {
		return Optional.ofNullable(this.byExecution.remove(executionId));
	}

}
