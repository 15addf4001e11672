package dev.cloakroom.interop;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Reports every interop test as skipped, one by one and with the reason, when the suite is switched
 * off ({@value NodeEnvironment#SKIP_PROPERTY} or {@value NodeEnvironment#SKIP_ENV}), so a build's
 * summary counts them as skipped rather than showing nothing. Test classes then start no servers.
 */
final class InteropSwitch implements ExecutionCondition {

    private static boolean announced;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!NodeEnvironment.skipRequested() || context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("the interop suite is on");
        }
        announce();
        return ConditionEvaluationResult.disabled(NodeEnvironment.SKIP_BANNER);
    }

    private static synchronized void announce() {
        if (!announced) {
            announced = true;
            System.err.println("\n*** " + NodeEnvironment.SKIP_BANNER + " ***\n");
        }
    }
}
