package dev.cloakroom.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link CloakroomConfigurationException} into Spring Boot's "APPLICATION FAILED TO START" report. */
public class CloakroomFailureAnalyzer extends AbstractFailureAnalyzer<CloakroomConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CloakroomConfigurationException cause) {
        return new FailureAnalysis("Cloakroom cannot use '" + cause.property() + "': " + cause.problem(),
                cause.action(), cause);
    }
}
