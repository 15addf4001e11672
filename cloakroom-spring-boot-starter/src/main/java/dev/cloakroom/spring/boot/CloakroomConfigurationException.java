package dev.cloakroom.spring.boot;

/**
 * A Cloakroom setting that cannot be used, raised while the application context starts. The
 * message names the property; {@link #action()} says what to change. Spring Boot's startup
 * failure report shows both (see {@link CloakroomFailureAnalyzer}).
 */
public class CloakroomConfigurationException extends IllegalStateException {

    /** The property at fault. */
    private final String property;
    /** What is wrong with it. */
    private final String problem;
    /** What to change. */
    private final String action;

    /**
     * An exception naming the property, the problem and the remedy.
     *
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

    /** {@return the property at fault, such as {@code cloakroom.secret}} */
    public String property() {
        return property;
    }

    /** {@return what is wrong with it, as a sentence without the property name} */
    public String problem() {
        return problem;
    }

    /** {@return what to change} */
    public String action() {
        return action;
    }
}
