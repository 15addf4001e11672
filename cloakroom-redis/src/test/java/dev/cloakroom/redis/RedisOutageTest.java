package dev.cloakroom.redis;

import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.DirectExchange;
import dev.cloakroom.testkit.Leaks;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A real redis-server process stopped and started again on the same port while one store stays
 * open. Always an embedded server, since the test must control the process. Bounds are generous
 * (the timeout is 1 s, the bounds 3 s and more) so a slow machine does not fail them.
 */
class RedisOutageTest {

    private static final String ID = "outage-session-id-0123456789abcdef";
    private static final Duration ONE_CALL = Duration.ofSeconds(3);

    private static EmbeddedRedis redis;
    private RedisStore store;

    @BeforeAll
    static void startRedis() {
        redis = EmbeddedRedis.launch();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void openStore() {
        redis.start();
        store = RedisStore.builder().uri(redis.uri()).timeout(Duration.ofSeconds(1)).build();
        store.set(ID, new StoredSession("{\"cookie\":{}}", Instant.now().plusSeconds(600)));
    }

    @AfterEach
    void closeStore() {
        store.close();
        redis.start();
    }

    private static Duration timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Polls {@code call} until it stops throwing, failing after {@code bound}. */
    private static void awaitSuccess(Runnable call, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            try {
                call.run();
                return;
            } catch (SessionStoreException e) {
                assertThat(System.nanoTime()).as("still failing after %s: %s", bound, e.getMessage()).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    @Nested
    class WhileRedisIsDown {

        @BeforeEach
        void stopRedis() {
            redis.stop();
        }

        @Test
        void getAndSetFailWithAStoreExceptionWithinTheBound() {
            Duration get = timed(() -> assertThatThrownBy(() -> store.get(ID)).isInstanceOf(SessionStoreException.class));
            Duration set = timed(() -> assertThatThrownBy(() -> store.set(ID, new StoredSession("{}", null)))
                    .isInstanceOf(SessionStoreException.class));
            assertThat(get).isLessThan(ONE_CALL);
            assertThat(set).isLessThan(ONE_CALL);
        }

        @Test
        void theErrorNeverNamesTheSessionAnywhereInItsChain() {
            for (Runnable call : List.<Runnable>of(() -> store.get(ID), () -> store.set(ID, new StoredSession("{}", null)),
                    () -> store.replace(ID, "{}", new StoredSession("{}", null)), () -> store.destroy(ID))) {
                Throwable error = catchThrowable(call::run);
                assertThat(error).isInstanceOf(SessionStoreException.class);
                Leaks.assertNeverNames(error, ID, "sess:");
            }
        }

        @Test
        void manyConcurrentCallsAllFailFastInsteadOfPilingUp() throws Exception {
            int n = 20;
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                List<Callable<Throwable>> calls = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    calls.add(() -> catchThrowable(() -> store.get(ID + "-" + Thread.currentThread().getId())));
                }
                long start = System.nanoTime();
                List<Future<Throwable>> results = pool.invokeAll(calls, 30, TimeUnit.SECONDS);
                Duration all = Duration.ofNanos(System.nanoTime() - start);
                for (Future<Throwable> f : results) {
                    assertThat(f.get()).isInstanceOf(SessionStoreException.class);
                }
                assertThat(all).as("20 concurrent calls during the outage").isLessThan(Duration.ofSeconds(5));
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void theSameStoreWorksAgainOnceRedisIsBack() throws InterruptedException {
            assertThatThrownBy(() -> store.get(ID)).isInstanceOf(SessionStoreException.class);
            redis.start();
            awaitSuccess(() -> store.set("after", new StoredSession("{\"cookie\":{}}", null)), Duration.ofSeconds(15));
            assertThat(store.get("after")).isPresent();
        }
    }

    /**
     * A server that refuses SET, DEL and GETDEL (destroy) as unknown commands, whose reply quotes the command's first
     * arguments, the key {@code sess:<id>} included: the server error text the store must strip.
     */
    @Nested
    class WhenTheServerReplyQuotesTheKey {

        private EmbeddedRedis refusing;
        private RedisStore refusingStore;

        @BeforeEach
        void startARefusingServer() {
            refusing = EmbeddedRedis.launch("rename-command SET \"\"", "rename-command DEL \"\"", "rename-command GETDEL \"\"");
            refusingStore = RedisStore.builder().uri(refusing.uri()).timeout(Duration.ofSeconds(1)).build();
        }

        @AfterEach
        void stopTheRefusingServer() {
            refusingStore.close();
            refusing.close();
        }

        @Test
        void theDriverReportsTheKeyInTheReply() {
            RedisClient client = RedisClient.create(refusing.uri());
            try (var connection = client.connect()) {
                Throwable raw = catchThrowable(() -> connection.sync().set("sess:" + ID, "{}"));
                assertThat(raw).isInstanceOf(RedisCommandExecutionException.class).hasMessageContaining("sess:" + ID);
            } finally {
                client.shutdown();
            }
        }

        @Test
        void theStoreExceptionCarriesNoneOfIt() {
            for (Runnable call : List.<Runnable>of(() -> refusingStore.set(ID, new StoredSession("{}", null)),
                    () -> refusingStore.destroy(ID))) {
                Throwable error = catchThrowable(call::run);
                assertThat(error).isInstanceOf(SessionStoreException.class).hasMessageContaining("RedisCommandExecutionException");
                Leaks.assertNeverNames(error, ID, "sess:");
            }
        }
    }

    @Nested
    class ThroughTheSessionManager {

        private SessionManager manager() {
            return new SessionManager(SessionOptions.builder().secret("outage").store(store).build());
        }

        private String login(SessionManager manager) {
            DirectExchange exchange = DirectExchange.withCookie(null);
            SessionContext context = manager.open(exchange);
            context.session().set("user", "ada");
            context.commit();
            return exchange.cookieToSendBack();
        }

        @Test
        void aRequestThatNeedsItsSessionFailsWithAStoreExceptionWhileDown() {
            SessionManager manager = manager();
            String cookie = login(manager);
            redis.stop();

            SessionContext request = manager.open(DirectExchange.withCookie(cookie));
            Duration took = timed(() -> assertThatThrownBy(request::session).isInstanceOf(SessionStoreException.class));
            assertThat(took).isLessThan(ONE_CALL);
        }

        @Test
        void requestsWorkAgainAfterRedisRestarts() throws InterruptedException {
            SessionManager manager = manager();
            String cookie = login(manager);
            redis.stop();
            assertThatThrownBy(() -> manager.open(DirectExchange.withCookie(cookie)).session())
                    .isInstanceOf(SessionStoreException.class);

            redis.start();
            // The restarted server kept no data (no persistence), so the old cookie starts a new session.
            awaitSuccess(() -> {
                SessionContext request = manager.open(DirectExchange.withCookie(cookie));
                Session session = request.session();
                session.set("user", "grace");
                request.commit();
            }, Duration.ofSeconds(15));
            String next = login(manager);
            SessionContext again = manager.open(DirectExchange.withCookie(next));
            assertThat(again.session().get("user", String.class)).contains("ada");
        }
    }
}
