package syncjob.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs, skips (with the fix in the reason) or fails PostgreSQL tests by the service's presence. */
final class PostgresCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (PostgresService.available()) {
			return ConditionEvaluationResult.enabled("PostgreSQL at " + PostgresService.describe());
		}
		if (PostgresService.required()) {
			throw new IllegalStateException("PostgreSQL tests are required (CI=true or -Dpostgres.required=true) but "
					+ PostgresService.describe() + " does not answer: start the service");
		}
		String reason = "SKIPPED PostgreSQL tests: no server at " + PostgresService.describe()
				+ ". Start PostgreSQL there (trust auth, database 'test') or set SYNC_JOB_PG_HOST/PORT/USER/PASSWORD to enable them.";
		System.out.println(reason);
		return ConditionEvaluationResult.disabled(reason);
	}

}
