package dev.cloakroom.spring.boot;

/**
 * A Cloakroom setting that cannot be used, raised while the application context starts. The
 * message names the property; {@link #action()} says what to change. Spring Boot's startup
 * failure report shows both (see {@link CloakroomFailureAnalyzer}).
 */
public class CloakroomConfigurationException extends IllegalStateException {

    private final String property;
    private final String problem;
    private final String action;

    /**
     * @param property the property at fault, e.g. {@code cloakroom.secret}
     * @param problem  what is wrong with it, as a sentence without the property name
     * @param action   what the user should do
     */
    public CloakroomConfigurationException(String property, String problem, String action) {
        super(property + ": " + problem + " " + action);
        this.property = property;
        this.problem = problem;
        this.action = action;
    }

    /** The property at fault. */
    public String property() {
        return property;
    }

    /** What is wrong with it. */
    public String problem() {
        return problem;
    }

    /** What to change. */
    public String action() {
        return action;
    }
}
