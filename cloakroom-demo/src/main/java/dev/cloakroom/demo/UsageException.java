package dev.cloakroom.demo;

/** The command line was wrong, or asked for {@code --help}; the message says what to fix. */
public final class UsageException extends Exception {

    /** Whether the command line asked for {@code --help}. */
    private final boolean help;

    private UsageException(String message, boolean help) {
        super(message);
        this.help = help;
    }

    static UsageException of(String message) {
        return new UsageException(message, false);
    }

    static UsageException helpRequested() {
        return new UsageException("help requested", true);
    }

    /** {@return whether this is {@code --help} rather than a mistake} Print the usage and exit 0. */
    public boolean isHelp() {
        return help;
    }
}
