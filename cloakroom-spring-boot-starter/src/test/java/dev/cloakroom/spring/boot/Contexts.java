package dev.cloakroom.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** A servlet web context with only Cloakroom's auto-configuration, and its startup failures. */
final class Contexts {

    static final String SECRET = "cloakroom.secret=starter-test-secret";

    private Contexts() {
    }

    /** A context with a secret set; add properties and beans per test. */
    static WebApplicationContextRunner runner() {
        return bare().withPropertyValues(SECRET);
    }

    /** A context without any property. */
    static WebApplicationContextRunner bare() {
        return new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(CloakroomAutoConfiguration.class));
    }

    /** The Cloakroom configuration error that stopped {@code context} from starting. */
    static CloakroomConfigurationException failure(AssertableWebApplicationContext context) {
        assertThat(context).hasFailed();
        Throwable t = context.getStartupFailure();
        while (t != null && !(t instanceof CloakroomConfigurationException)) {
            t = t.getCause();
        }
        assertThat(t).as("a CloakroomConfigurationException among the causes of %s", context.getStartupFailure()).isNotNull();
        return (CloakroomConfigurationException) t;
    }
}
