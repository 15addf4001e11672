package dev.cloakroom.testkit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The log check can fail. Each test runs a second check inside this class's own, on an outermost
 * class context of its own, searching for an id planted here only: this class's check, which
 * searches for {@link SeenSessionIds}, does not look for it and so lets the planted line pass.
 */
class NoSessionIdInLogsTest {

    private static final String PLANTED = "planted0Id0" + Long.toHexString(System.nanoTime()) + "0neverSent";

    private final NoSessionIdInLogs check = new NoSessionIdInLogs(() -> Set.of(PLANTED));
    private final ExtensionContext context = outermostClass();

    @Nested
    class WhenALogLineNamesAnId {

        @Test
        void failsTheClassAndQuotesTheLine() {
            check.beforeAll(context);
            LoggerFactory.getLogger(NoSessionIdInLogsTest.class).warn("store failed for session {}", PLANTED);

            assertThatThrownBy(() -> check.afterAll(context))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("1 log line(s) name a raw session id")
                    .hasMessageContaining("store failed for session " + PLANTED);
        }

        @Test
        void catchesWhatIsPrintedRatherThanLogged() {
            check.beforeAll(context);
            System.out.println("[node] sid " + PLANTED);

            assertThatThrownBy(() -> check.afterAll(context)).hasMessageContaining("[node] sid " + PLANTED);
        }
    }

    @Nested
    class WhenNoLineNamesAnId {

        @Test
        void passes() {
            check.beforeAll(context);
            LoggerFactory.getLogger(NoSessionIdInLogsTest.class).warn("store failed for session {}", PLANTED.substring(0, 12));

            check.afterAll(context);
        }
    }

    @Nested
    class WhenTheConsoleIsReplacedAndNotPutBack {

        @Test
        void failsRatherThanPassUnseen() {
            PrintStream before = System.out;
            check.beforeAll(context);
            PrintStream elsewhere = new PrintStream(new ByteArrayOutputStream());
            PrintStream installed = System.out;
            System.setOut(elsewhere);
            try {
                assertThatThrownBy(() -> check.afterAll(context)).hasMessageContaining("replaced System.out or System.err");
            } finally {
                System.setOut(before);
            }
            assertThat(installed).isNotSameAs(before);
        }
    }

    /** The two things the check asks of its context: that it has no enclosing class, and a store. */
    private static ExtensionContext outermostClass() {
        Map<Object, Object> values = new HashMap<>();
        ExtensionContext.Store store = (ExtensionContext.Store) Proxy.newProxyInstance(
                NoSessionIdInLogsTest.class.getClassLoader(), new Class<?>[] {ExtensionContext.Store.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "put" -> values.put(args[0], args[1]);
                    case "remove" -> values.remove(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ExtensionContext) Proxy.newProxyInstance(NoSessionIdInLogsTest.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getParent" -> Optional.empty();
                    case "getStore" -> store;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
