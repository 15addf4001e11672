package dev.cloakroom.testkit;

import dev.cloakroom.testkit.lifecycle.CapturedOutput;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Fails a test class whose console log, from its first {@code @BeforeAll} to its last
 * {@code @AfterAll}, contains a raw session id: any id in {@link SeenSessionIds}, which the test
 * HTTP clients and the {@link InstrumentedStore} fill as the tests run. A raw id in a log is a
 * live credential for whoever reads the log; Cloakroom names sessions by fingerprint only. Startup
 * warnings, store-failure WARN lines and whatever a server or container logs are all checked.
 *
 * <p>Register it on the outermost test class ({@code @ExtendWith(NoSessionIdInLogs.class)}), or
 * for every class of a test run through JUnit's extension autodetection, as Cloakroom's own modules
 * do: a {@code junit-platform.properties} with
 * {@code junit.jupiter.extensions.autodetection.enabled=true} and a test resource
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} naming this class. The
 * testkit's jar ships no such entry, so a project using the testkit chooses for itself. Nested
 * classes run inside the outermost class's capture. It cannot pass unseen: it logs a canary line through
 * SLF4J at the start and fails unless the capture saw it, and fails when something replaced the
 * console streams meanwhile. Code that must only run under it calls {@link #requireWatching()}.
 * Like {@link CapturedOutput}, it assumes test classes run one at a time.
 */
public final class NoSessionIdInLogs implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoSessionIdInLogs.class);
    private static volatile boolean watching;

    private final Supplier<Set<String>> ids;

    /** Created by JUnit for {@code @ExtendWith} and by autodetection; searches for {@link SeenSessionIds}. */
    public NoSessionIdInLogs() {
        this(SeenSessionIds::all);
    }

    /**
     * Searches for {@code ids} instead: lets the check's own test plant a leak no other class looks for.
     *
     * @param ids the ids to search the log for, asked for when the class ends
     */
    NoSessionIdInLogs(Supplier<Set<String>> ids) {
        this.ids = ids;
    }

    /**
     * Fails unless a test class registered this extension is running now: the guard that keeps the
     * log check from being dropped silently.
     *
     * @throws IllegalStateException when no such class is running
     */
    public static void requireWatching() {
        if (!watching) {
            throw new IllegalStateException("this test must run under @ExtendWith(NoSessionIdInLogs.class),"
                    + " which checks that no session id reaches the log");
        }
    }

    private record Watch(CapturedOutput output, String canary) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!isOutermost(context)) {
            return;
        }
        CapturedOutput output = new CapturedOutput();
        String canary = "log capture canary " + UUID.randomUUID();
        LoggerFactory.getLogger(NoSessionIdInLogs.class).warn("{}: this class's log is searched for session ids", canary);
        context.getStore(NAMESPACE).put(Watch.class, new Watch(output, canary));
        watching = true;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!isOutermost(context)) {
            return;
        }
        Watch watch = context.getStore(NAMESPACE).remove(Watch.class, Watch.class);
        watching = false;
        boolean intact = watch.output().stillInstalled();
        watch.output().close();
        String log = watch.output().text();
        if (!log.contains(watch.canary())) {
            throw new AssertionError("the log check saw no SLF4J output, so it could not search the log:"
                    + " is an SLF4J provider writing to the console (slf4j-simple) on the test class path?");
        }
        if (!intact) {
            throw new AssertionError("something replaced System.out or System.err during the class and did not put them"
                    + " back, so part of the log went unsearched");
        }
        List<String> leaks = new ArrayList<>();
        for (String id : ids.get()) {
            if (!log.contains(id)) {
                continue;
            }
            log.lines().filter(line -> line.contains(id)).forEach(line -> leaks.add("session " + id + " in: " + line));
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " log line(s) name a raw session id:\n" + String.join("\n", leaks));
        }
    }

    /** Nested classes inherit the registration; only the outermost class opens and checks the capture. */
    private static boolean isOutermost(ExtensionContext context) {
        return context.getParent().flatMap(ExtensionContext::getTestClass).isEmpty();
    }
}
