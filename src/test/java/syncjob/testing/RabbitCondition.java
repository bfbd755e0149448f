package syncjob.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs, skips (with the fix in the reason) or fails RabbitMQ tests by the broker's presence. */
final class RabbitCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (RabbitService.available()) {
			return ConditionEvaluationResult.enabled("RabbitMQ at " + RabbitService.describe());
		}
		if (RabbitService.required()) {
			throw new IllegalStateException("RabbitMQ tests are required (CI=true or -Drabbitmq.required=true) but "
					+ RabbitService.describe() + " does not answer: start the broker (rabbitmq-server -detached)");
		}
		String reason = "SKIPPED RabbitMQ tests: no broker at " + RabbitService.describe()
				+ ". Start RabbitMQ there (guest/guest) or set SYNC_JOB_RABBIT_HOST/PORT to enable them.";
		System.out.println(reason);
		return ConditionEvaluationResult.disabled(reason);
	}

}
