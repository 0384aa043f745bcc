package org.callout.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL tests when a server is available, skips them with the reason otherwise, and fails them
 * under {@code CI=true}: a CI run that silently skipped its PostgreSQL tests would prove nothing.
 */
public class PostgresAvailableCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (PostgresServer.coordinates() != null) {
			return ConditionEvaluationResult.enabled("PostgreSQL at " + PostgresServer.coordinates().url());
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true but " + PostgresServer.unavailableReason());
		}
		return ConditionEvaluationResult.disabled("Skipped: " + PostgresServer.unavailableReason());
	}

}
