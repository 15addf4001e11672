package dev.cloakroom.testkit.contract;

import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStore;
import dev.cloakroom.testkit.DirectExchange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole requests racing on one session through {@link SessionManager}: no update is lost and a
 * destroyed session stays destroyed. express-session keeps only a fraction of such writes.
 */
public abstract class RacingRequestTests {

    /** {@return the store under test, fresh for each test} */
    protected abstract SessionStore store();

    private SessionManager manager() {
        return new SessionManager(SessionOptions.builder()
                .secret("racing requests")
                .cookie(c -> c.maxAge(Duration.ofHours(1)))
                .store(store())
                .build());
    }

    /** Runs one request: opens the session, lets {@code work} change it, commits. */
    private static DirectExchange request(SessionManager manager, String cookie, java.util.function.Consumer<Session> work) {
        DirectExchange exchange = DirectExchange.withCookie(cookie);
        SessionContext context = manager.open(exchange);
        work.accept(context.session());
        context.commit();
        return exchange;
    }

    private static String login(SessionManager manager) {
        String cookie = request(manager, null, s -> s.set("user", "ada")).cookieToSendBack();
        assertThat(cookie).as("the first request's cookie").isNotNull();
        return cookie;
    }

    @Test
    void aHundredConcurrentRequestsSettingDifferentAttributesAllSurvive() throws Exception {
        SessionManager manager = manager();
        String cookie = login(manager);
        int n = 100;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                done.add(pool.submit(() -> {
                    start.await();
                    request(manager, cookie, s -> s.set("pref." + k, k));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> expected = IntStream.range(0, n).mapToObj(i -> "pref." + i).toList();
        request(manager, cookie, s -> {
            assertThat(s.isNew()).isFalse();
            assertThat(s.keys()).containsAll(expected).contains("user");
            assertThat(s.get("pref.42", Integer.class)).contains(42);
        });
    }

    @Test
    void aSlowRequestSavingAfterALogoutDoesNotBringTheSessionBack() {
        SessionManager manager = manager();
        String cookie = login(manager);

        DirectExchange slowExchange = DirectExchange.withCookie(cookie);
        SessionContext slow = manager.open(slowExchange);
        Session slowSession = slow.session();
        slowSession.set("cart", List.of("book"));

        request(manager, cookie, Session::destroy);
        slow.commit();

        assertThat(store().get(slowSession.id())).as("the destroyed session").isEmpty();
        assertThat(slowExchange.setCookies()).as("cookies sent by the slow request").isEmpty();
        request(manager, cookie, s -> assertThat(s.isNew()).as("the old cookie names no session").isTrue());
    }

    @Test
    void aSecondSaveInOneRequestKeepsWhatAnotherRequestSavedInBetween() {
        SessionManager manager = manager();
        String cookie = login(manager);

        SessionContext slow = manager.open(DirectExchange.withCookie(cookie));
        Session session = slow.session();
        request(manager, cookie, s -> s.set("theirs", "b"));
        session.set("first", "a");
        session.save();
        session.set("second", "c");
        slow.commit();

        request(manager, cookie, s -> assertThat(s.keys()).contains("user", "theirs", "first", "second"));
    }

    @Test
    void anEarlierChangeOfOneRequestDoesNotOverwriteALaterOneOfAnother() {
        SessionManager manager = manager();
        String cookie = request(manager, null, s -> s.set("n", 1)).cookieToSendBack();

        SessionContext slow = manager.open(DirectExchange.withCookie(cookie));
        Session session = slow.session();
        session.set("n", 2);
        session.save();
        request(manager, cookie, s -> s.set("n", 3));
        session.set("other", "x");
        slow.commit();

        request(manager, cookie, s -> {
            assertThat(s.get("n", Integer.class)).contains(3);
            assertThat(s.get("other", String.class)).contains("x");
        });
    }

    @Test
    void aRemovalRacingAnotherRequestsWriteKeepsBoth() {
        SessionManager manager = manager();
        String cookie = request(manager, null, s -> s.set("user", "ada").set("coupon", "SPRING")).cookieToSendBack();

        SessionContext first = manager.open(DirectExchange.withCookie(cookie));
        first.session().remove("coupon");
        request(manager, cookie, s -> s.set("theme", "dark"));
        first.commit();

        request(manager, cookie, s -> {
            assertThat(s.has("coupon")).isFalse();
            assertThat(s.get("theme", String.class)).contains("dark");
            assertThat(s.get("user", String.class)).contains("ada");
        });
    }
}
