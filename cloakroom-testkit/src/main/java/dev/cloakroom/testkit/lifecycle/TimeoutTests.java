package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import dev.cloakroom.testkit.http.SignedCookies;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code absoluteTimeout} and {@code idleTimeout} over HTTP. The waits are real and short; no
 * assertion depends on how fast the machine is. A use is expected to find the session only when
 * the test can prove it was within the limit (it measures from before the request that created or
 * last used the session), and expected to find none only once the limit has certainly passed.
 * Where the store would drop a session by itself, the tests that must show core's own check
 * rewrite the stored document instead of waiting.
 */
public abstract class TimeoutTests extends LifecycleTestBase {

    private static final Duration SHORT = Duration.ofSeconds(2);
    private static final Duration STEP = Duration.ofMillis(400);

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pauseUntil(Instant instant) {
        Duration left = Duration.between(Instant.now(), instant);
        if (!left.isNegative()) {
            pause(left.plusMillis(50));
        }
    }

    @Test
    void aSessionInUseStillEndsAtItsAbsoluteLimit() {
        HttpCaller http = start(options().absoluteTimeout(SHORT).cookie(c -> c.maxAge(Duration.ofDays(1))),
                LifecycleRoutes.standard());
        Instant before = Instant.now();
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie(NAME);
        Instant created = Instant.now();

        while (Instant.now().isBefore(created.plus(SHORT))) {
            pause(STEP);
            String seen = http.get("/get?k=user").cookie(cookie).send().body();
            if (Instant.now().isBefore(before.plus(SHORT))) {
                assertThat(seen).as("a use within the absolute limit").isEqualTo("ann");
            }
        }
        pauseUntil(created.plus(SHORT));
        HttpResult after = http.get("/get?k=user").cookie(cookie).send();

        assertThat(after.body()).isEqualTo("-");
        assertThat(memory.ids()).doesNotContain(idOf(cookie));
    }

    @Test
    void anIdleSessionEndsAtItsIdleLimit() {
        HttpCaller http = start(options().idleTimeout(SHORT), LifecycleRoutes.standard());
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie(NAME);
        Instant lastUse = Instant.now();

        pauseUntil(lastUse.plus(SHORT));

        assertThat(http.get("/get?k=user").cookie(cookie).send().body()).isEqualTo("-");
    }

    @Test
    void eachUseMovesTheIdleLimit() {
        HttpCaller http = start(options().idleTimeout(SHORT), LifecycleRoutes.standard());
        Instant sent = Instant.now();
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie(NAME);
        Instant created = Instant.now();

        while (Instant.now().isBefore(created.plus(SHORT).plus(STEP))) {
            pause(STEP);
            Instant previous = sent;
            sent = Instant.now();
            String seen = http.get("/get?k=user").cookie(cookie).send().body();
            if (Instant.now().isBefore(previous.plus(SHORT))) {
                assertThat(seen).as("a use within the idle limit of the one before").isEqualTo("ann");
            }
        }
    }

    @Test
    void aBrowserSessionCookieGetsTheIdleLimitInTheStore() {
        Duration idle = Duration.ofHours(1);
        HttpCaller http = start(options().idleTimeout(idle), LifecycleRoutes.standard());
        Instant before = Instant.now();
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie(NAME);
        Instant after = Instant.now();

        assertThat(cookie.expires()).as("still a browser-session cookie").isEmpty();
        assertThat(stored(cookie)).map(StoredSession::expires).get()
                .matches(e -> !e.isBefore(before.plus(idle).minusMillis(1)) && !e.isAfter(after.plus(idle)),
                        "an hour after the request, not the store's default day");
    }

    @Test
    void theCookieAndTheStoreExpiryStopAtTheAbsoluteLimit() {
        Duration absolute = Duration.ofHours(1);
        HttpCaller http = start(options().absoluteTimeout(absolute).cookie(c -> c.maxAge(Duration.ofDays(1))),
                LifecycleRoutes.standard());
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie(NAME);
        Instant deadline = Instant.now().plus(absolute);

        assertThat(cookie.expires()).get().matches(e -> !e.isAfter(deadline), "not after the deadline");
        assertThat(stored(cookie)).map(StoredSession::expires).get().matches(e -> !e.isAfter(deadline), "not after the deadline");
    }

    @Test
    void aSessionPastItsAbsoluteLimitEndsEvenWhenTheStoreStillKeepsIt() {
        HttpCaller http = start(options().absoluteTimeout(Duration.ofHours(1)), LifecycleRoutes.standard());
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie(NAME);
        String id = idOf(cookie);
        // As a Node app sharing the store leaves it: created two hours ago, its TTL moved on by a touch.
        long twoHoursAgo = Instant.now().minus(Duration.ofHours(2)).toEpochMilli();
        String old = stored(id).orElseThrow().json().replaceFirst("\"created\":\\d+", "\"created\":" + twoHoursAgo);
        memory.set(id, new StoredSession(old, Instant.now().plus(Duration.ofDays(1))));

        HttpResult response = http.get("/set?k=user&v=bob").cookie(cookie).send();

        assertThat(idOf(response.requireCookie(NAME))).isNotEqualTo(id);
        assertThat(memory.ids()).doesNotContain(id).hasSize(1);
    }

    @Test
    void aSessionAnotherAppCreatedIsGivenItsCreationTimeAtFirstSight() {
        HttpCaller http = start(options().absoluteTimeout(Duration.ofHours(1)), LifecycleRoutes.standard());
        String nodeDocument = "{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"httpOnly\":true,\"path\":\"/\"},"
                + "\"user\":\"ann\"}";
        memory.set("made-by-node", new StoredSession(nodeDocument, null));
        String cookie = NAME + "=" + SignedCookies.sign("made-by-node", SECRET);
        long before = Instant.now().toEpochMilli();

        assertThat(http.get("/get?k=user").cookie(cookie).send().body()).isEqualTo("ann");

        String json = stored("made-by-node").orElseThrow().json();
        long created = Long.parseLong(json.replaceFirst("(?s).*\"__cloakroom\":\\{\"created\":(\\d+).*", "$1"));
        assertThat(created).isBetween(before, Instant.now().toEpochMilli());
    }
}
