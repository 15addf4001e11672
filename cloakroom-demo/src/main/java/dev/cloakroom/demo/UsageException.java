package dev.cloakroom.demo;

/** The command line was wrong, or asked for {@code --help}; the message says what to fix. */
public final class UsageException extends Exception {

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

    /** Whether this is {@code --help} rather than a mistake: print the usage and exit 0. */
    public boolean isHelp() {
        return help;
    }
}
