package dev.cloakroom.demo;

import dev.cloakroom.SecureMode;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses the demo's command line into a {@link DemoConfig}. Flags take their value as the next
 * argument or after {@code =} ({@code --port 8080}, {@code --port=8080}). Anything unknown,
 * missing or malformed is a {@link UsageException}; nothing is guessed.
 */
public final class DemoArgs {

    /** Read when no {@code --secret} is given. */
    public static final String SECRET_ENV = "SESSION_SECRET";

    static final int DEFAULT_PORT = 3000;
    static final Duration DEFAULT_MAX_AGE = Duration.ofMillis(1_800_000);
    static final DemoConfig.Credential DEFAULT_USER = new DemoConfig.Credential("admin", "secret");

    /** The text {@code --help} prints, and a bad command line after its message. */
    public static final String USAGE = """
            Usage: java -jar cloakroom-demo.jar [options]

              --port N                 port to listen on (default 3000; 0 picks a free port)
              --secret S               cookie signing secret; repeat to rotate: the first signs,
                                       every one verifies. Default: $SESSION_SECRET, else a random
                                       secret (sessions then do not survive a restart)
              --user NAME:PASSWORD     an account that can log in; repeatable. The user named
                                       "admin" gets role admin, every other user role user.
                                       Default: admin:secret (for trying it out only)
              --max-age MS             session cookie lifetime in milliseconds, renewed by each use;
                                       the idle limit unless --idle-timeout is given (default 1800000)
              --idle-timeout MS        end a session unused for MS milliseconds, on the server;
                                       at most --max-age (default: none, --max-age decides)
              --absolute-timeout MS    end every session MS milliseconds after it began, however
                                       much it is used (default: none)
              --max-sessions N         with --store memory: hold at most N sessions (default 100000)
              --max-memory SIZE        with --store memory: hold at most SIZE of sessions, in bytes
                                       or with k, m or g (default: a quarter of the heap)
              --rolling                re-send the cookie, with a fresh expiry, on every response
              --cookie-secure MODE     true, false or auto (default auto: Secure on HTTPS requests)
              --trust-proxy            trust X-Forwarded-Proto from a reverse proxy, and count
                                       logins against the last X-Forwarded-For address
              --name NAME              session cookie name (default connect.sid)
              --store STORE            where sessions are kept (default memory, lost on restart):
                                         memory
                                         redis://HOST:PORT[/DB], rediss://... (TLS),
                                         redis-sentinel://..., redis-cluster://HOST:PORT,HOST:PORT
                                         jdbc:postgresql://..., jdbc:mysql://..., jdbc:mariadb://...
                                         jdbc:h2:file:PATH, jdbc:sqlite:PATH (kept on disk)
                                         mongodb://...
              --help                   print this and exit
            """;

    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoArgs() {
    }

    /**
     * The configuration {@code args} describe; {@code env} supplies {@value #SECRET_ENV}.
     *
     * @param args the command line
     * @param env  the environment, such as {@link System#getenv()}
     * @return the configuration
     * @throws UsageException for a bad command line, or for {@code --help} ({@link UsageException#isHelp()})
     */
    public static DemoConfig parse(String[] args, Map<String, String> env) throws UsageException {
        int port = DEFAULT_PORT;
        List<String> secrets = new ArrayList<>();
        List<DemoConfig.Credential> users = new ArrayList<>();
        Duration maxAge = DEFAULT_MAX_AGE;
        boolean rolling = false;
        SecureMode secure = SecureMode.AUTO;
        boolean trustProxy = false;
        String name = "connect.sid";
        String store = "memory";
        Duration idleTimeout = null;
        Duration absoluteTimeout = null;
        Integer maxSessions = null;
        Long maxMemory = null;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                flag = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (flag) {
                case "--help", "-h" -> throw UsageException.helpRequested();
                case "--rolling" -> rolling = noValue(flag, inline);
                case "--trust-proxy" -> trustProxy = noValue(flag, inline);
                case "--port", "--secret", "--user", "--max-age", "--cookie-secure", "--name", "--store", "--idle-timeout",
                        "--absolute-timeout", "--max-sessions", "--max-memory" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw UsageException.of(flag + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (flag) {
                        case "--port" -> port = port(value);
                        case "--secret" -> secrets.add(secret(value));
                        case "--user" -> users.add(user(value));
                        case "--max-age" -> maxAge = millis(flag, value);
                        case "--idle-timeout" -> idleTimeout = millis(flag, value);
                        case "--absolute-timeout" -> absoluteTimeout = millis(flag, value);
                        case "--max-sessions" -> maxSessions = maxSessions(value);
                        case "--max-memory" -> maxMemory = size(value);
                        case "--cookie-secure" -> secure = secureMode(value);
                        case "--name" -> name = cookieName(value);
                        default -> store = store(value);
                    }
                }
                default -> throw UsageException.of("unknown option '" + arg + "'");
            }
        }

        boolean secretGenerated = false;
        if (secrets.isEmpty()) {
            String fromEnv = env.get(SECRET_ENV);
            if (fromEnv != null && !fromEnv.isEmpty()) {
                secrets.add(fromEnv);
            } else {
                secrets.add(randomSecret());
                secretGenerated = true;
            }
        }
        boolean defaultUsers = users.isEmpty();
        if (defaultUsers) {
            users.add(DEFAULT_USER);
        }
        Set<String> names = new HashSet<>();
        for (DemoConfig.Credential c : users) {
            if (!names.add(c.username())) {
                throw UsageException.of("--user '" + c.username() + "' is given twice");
            }
        }
        checkTimeouts(maxAge, idleTimeout, absoluteTimeout);
        if ((maxSessions != null || maxMemory != null) && !store.equals("memory")) {
            throw UsageException.of("--max-sessions and --max-memory bound the memory store; --store is " + store);
        }
        return new DemoConfig(port, secrets, secretGenerated, users, defaultUsers, maxAge, rolling, secure,
                trustProxy, name, store, PasswordHasher.DEFAULT_ITERATIONS, idleTimeout, absoluteTimeout,
                new DemoConfig.MemoryBounds(maxSessions, maxMemory));
    }

    private static int maxSessions(String value) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw UsageException.of("--max-sessions must be a whole number of at least 1, got '" + value + "'");
    }

    /** A byte count, optionally with k, m or g (binary: 64m is 64 MiB). */
    static long size(String value) throws UsageException {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        long unit = 1;
        if (!v.isEmpty() && "kmg".indexOf(v.charAt(v.length() - 1)) >= 0) {
            unit = 1L << (10 * ("kmg".indexOf(v.charAt(v.length() - 1)) + 1));
            v = v.substring(0, v.length() - 1);
        }
        try {
            long n = Long.parseLong(v);
            if (n >= 1 && n <= Long.MAX_VALUE / unit && n * unit >= 1024) {
                return n * unit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw UsageException.of("--max-memory must be a size of at least 1024 bytes, such as 65536, 512k, 64m or 1g,"
                + " got '" + value + "'");
    }

    private static boolean noValue(String flag, String inline) throws UsageException {
        if (inline != null) {
            throw UsageException.of(flag + " takes no value");
        }
        return true;
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw UsageException.of("--port must be a number from 0 to 65535, got '" + value + "'");
    }

    private static String secret(String value) throws UsageException {
        if (value.isEmpty()) {
            throw UsageException.of("--secret must not be empty");
        }
        return value;
    }

    /** {@code name:password}, split at the first colon: names cannot contain one, passwords can. */
    private static DemoConfig.Credential user(String value) throws UsageException {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw UsageException.of("--user must be NAME:PASSWORD with neither part empty");
        }
        return new DemoConfig.Credential(value.substring(0, colon), value.substring(colon + 1));
    }

    /** The rules {@code SessionOptions} applies to the two timeouts, checked here to fail as usage errors naming the flags. */
    private static void checkTimeouts(Duration maxAge, Duration idle, Duration absolute) throws UsageException {
        if (idle == null) {
            return;
        }
        if (idle.compareTo(maxAge) > 0) {
            throw UsageException.of("--idle-timeout (" + idle.toMillis() + ") must not be longer than --max-age ("
                    + maxAge.toMillis() + "): the browser would drop the cookie first");
        }
        if (absolute != null && idle.compareTo(absolute) >= 0) {
            throw UsageException.of("--idle-timeout (" + idle.toMillis() + ") must be shorter than --absolute-timeout ("
                    + absolute.toMillis() + ")");
        }
    }

    private static Duration millis(String flag, String value) throws UsageException {
        try {
            long ms = Long.parseLong(value);
            if (ms > 0) {
                return Duration.ofMillis(ms);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw UsageException.of(flag + " must be a positive number of milliseconds, got '" + value + "'");
    }

    private static SecureMode secureMode(String value) throws UsageException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> SecureMode.ALWAYS;
            case "false" -> SecureMode.NEVER;
            case "auto" -> SecureMode.AUTO;
            default -> throw UsageException.of("--cookie-secure must be true, false or auto, got '" + value + "'");
        };
    }

    /** The same rule {@code SessionOptions} applies (an RFC 6265 token), checked here to fail as a usage error. */
    private static String cookieName(String value) throws UsageException {
        boolean ok = !value.isEmpty();
        for (int i = 0; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            ok = c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }
        if (!ok) {
            throw UsageException.of("--name must be a cookie name (letters, digits and !#$%&'*+-.^_`|~), got '" + value + "'");
        }
        return value;
    }

    private static String store(String value) throws UsageException {
        return DemoStores.check(value);
    }

    /** 32 bytes from SecureRandom: as strong as the HMAC-SHA256 key it becomes. */
    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
