package dev.cloakroom.micrometer;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;
import dev.cloakroom.javalin.Cloakroom;
import dev.cloakroom.javalin.CloakroomPlugin;
import dev.cloakroom.testkit.InstrumentedStore;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The meters after real requests over HTTP through the Javalin plugin. */
class CloakroomMetricsTest {

    static final String SECRET = "a secret of thirty-two bytes, or rather more";

    final MeterRegistry registry = new SimpleMeterRegistry();
    final MemoryStore memory = MemoryStore.builder().build();
    final InstrumentedStore store = new InstrumentedStore(memory);
    Javalin app;
    HttpCaller http;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        memory.close();
    }

    void start(SessionStore sessions) {
        SessionOptions.Builder builder = SessionOptions.builder().secret(SECRET).store(sessions);
        CloakroomMetrics.install(builder, registry);
        SessionOptions options = builder.build();
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.registerPlugin(new CloakroomPlugin(options));
            cfg.routes.get("/login", ctx -> {
                Cloakroom.session(ctx).regenerate();
                Cloakroom.session(ctx).set("user", "ann");
                ctx.result("in");
            });
            cfg.routes.get("/visit", ctx -> {
                int n = Cloakroom.session(ctx).get("n", Integer.class).orElse(0);
                Cloakroom.session(ctx).set("n", n + 1);
                ctx.result(String.valueOf(n + 1));
            });
            cfg.routes.get("/logout", ctx -> Cloakroom.session(ctx).destroy());
        }).start("127.0.0.1", 0);
        http = new HttpCaller(URI.create("http://127.0.0.1:" + app.port()));
    }

    double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    long timed(String operation, String outcome) {
        return registry.get("cloakroom.store.operations").tags("operation", operation, "outcome", outcome).timer().count();
    }

    String cookie(HttpResult r) {
        return r.requireCookie("connect.sid").name() + "=" + r.requireCookie("connect.sid").value();
    }

    @Nested
    class AfterALoginAVisitAndALogout {

        @Test
        void lifecycleCountersStoreTimersAndSizesAreRecorded() {
            start(store);
            HttpResult visit = http.get("/visit").send();
            String first = cookie(visit);
            HttpResult login = http.get("/login").cookie(first).send();
            String second = cookie(login);
            assertThat(http.get("/visit").cookie(second).send().body()).isEqualTo("1");
            http.get("/logout").cookie(second).send();

            assertThat(count("cloakroom.sessions.created")).isEqualTo(1);
            assertThat(count("cloakroom.sessions.regenerated", "cause", "regenerate")).isEqualTo(1);
            assertThat(count("cloakroom.sessions.destroyed", "cause", "destroy")).isEqualTo(1);
            assertThat(count("cloakroom.sessions.destroyed", "cause", "unset")).as("registered, still zero").isZero();
            // gets: login, visit, logout; sets: the first visit and the login's new id; replaces: the login
            // retiring the old id (a compare-and-set, so only one of two racing logins wins) and the second visit
            assertThat(timed("get", "success")).isEqualTo(3);
            assertThat(timed("set", "success")).isEqualTo(2);
            assertThat(timed("replace", "success")).isEqualTo(2);
            assertThat(timed("destroy", "success")).as("the login's old id, the logout").isEqualTo(2);
            assertThat(registry.get("cloakroom.session.size").summary().count()).as("every document written, the retired one included").isEqualTo(4);
            assertThat(registry.get("cloakroom.session.size").summary().max()).isGreaterThan(20);
            assertThat(registry.get("cloakroom.session.size").summary().getId().getBaseUnit()).isEqualTo("bytes");
        }

        @Test
        void noTagCarriesAnIdOrFingerprint() {
            start(store);
            String cookie = cookie(http.get("/visit").send());
            http.get("/visit").cookie(cookie).send();
            registry.getMeters().forEach(m -> m.getId().getTags().forEach(t ->
                    assertThat(t.getValue()).matches("[a-z.]+")));
        }
    }

    @Nested
    class WhenTheStoreCanCount {

        @Test
        void theActiveGaugeReadsTheStoresCount() {
            start(store);
            http.get("/visit").send();
            http.get("/visit").send();
            assertThat(registry.get("cloakroom.sessions.active.current").gauge().value()).isEqualTo(2);
        }

        @Test
        void theCountIsReusedWithinTheRefreshPeriod() {
            CloakroomMetrics metrics = new CloakroomMetrics(Duration.ofDays(1));
            metrics.attached(store);
            metrics.bindTo(registry);
            assertThat(registry.get("cloakroom.sessions.active.current").gauge().value()).isZero();
            memory.set("x", new StoredSession("{}", null));
            assertThat(registry.get("cloakroom.sessions.active.current").gauge().value()).as("cached").isZero();
        }

        @Test
        void zeroRefreshLeavesTheGaugeOut() {
            CloakroomMetrics metrics = new CloakroomMetrics(Duration.ZERO);
            metrics.attached(store);
            metrics.bindTo(registry);
            assertThat(registry.find("cloakroom.sessions.active.current").gauge()).isNull();
        }
    }

    @Nested
    class WhenTheStoreFails {

        @Test
        void the503sAndErrorTimingsAreCounted() {
            start(store);
            String cookie = cookie(http.get("/visit").send());
            store.failEveryCall(true);
            assertThat(http.get("/visit").cookie(cookie).send().status()).isEqualTo(503);
            assertThat(http.get("/visit").cookie(cookie).send().status()).isEqualTo(503);
            assertThat(count("cloakroom.store.unavailable")).isEqualTo(2);
            assertThat(timed("get", "error")).isEqualTo(2);
        }
    }

    @Nested
    class WhenAnotherRequestSavesTheSessionFirst {

        @Test
        void theLoserCountsAConflictAndARetryAndStillSaves() {
            RacingStore racing = new RacingStore(memory);
            start(racing);
            String cookie = cookie(http.get("/visit").send());
            racing.raceNextReplace = true;
            assertThat(http.get("/visit").cookie(cookie).send().body()).isEqualTo("2");
            assertThat(count("cloakroom.store.conflicts")).isEqualTo(1);
            assertThat(count("cloakroom.store.retries")).isEqualTo(1);
            assertThat(timed("replace", "conflict")).isEqualTo(1);
            assertThat(timed("replace", "success")).isEqualTo(1);
            String id = memory.ids().iterator().next();
            assertThat(memory.get(id).orElseThrow().json()).as("both writes kept").contains("\"other\":1").contains("\"n\":2");
        }
    }

    /** A store where, once asked, another request's write lands just before this request's compare-and-set. */
    static final class RacingStore implements SessionStore {
        private final MemoryStore delegate;
        volatile boolean raceNextReplace;

        RacingStore(MemoryStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<StoredSession> get(String id) {
            return delegate.get(id);
        }

        @Override
        public void set(String id, StoredSession session) {
            delegate.set(id, session);
        }

        @Override
        public boolean replace(String id, String expectedJson, StoredSession session) {
            if (raceNextReplace) {
                raceNextReplace = false;
                delegate.set(id, new StoredSession(expectedJson.replaceFirst("\\{", "{\"other\":1,"), session.expires()));
            }
            return delegate.replace(id, expectedJson, session);
        }

        @Override
        public void destroy(String id) {
            delegate.destroy(id);
        }
    }
}
