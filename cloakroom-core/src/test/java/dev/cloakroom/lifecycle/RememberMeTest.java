package dev.cloakroom.lifecycle;

import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Remember me": a handler that gives a stored, otherwise unchanged session a new max age gets
 * it saved and the cookie sent with the new expiry. express-session would only touch the store
 * and leave the browser's cookie as it was, so the longer login would end with the browser session.
 */
@ExtendWith(NoSessionIdInLogs.class)
class RememberMeTest extends LifecycleFixture {

    private static final Duration SHORT = Duration.ofMinutes(30);
    private static final Duration LONG = Duration.ofDays(30);

    @BeforeEach
    void thirtyMinuteSessions() {
        configure(b -> b.cookie(c -> c.maxAge(SHORT)));
    }

    private static String expiresOf(Response response) {
        String header = response.setCookies().get(0);
        int at = header.indexOf("Expires=");
        return header.substring(at + 8, header.indexOf(';', at));
    }

    @Nested
    class WhenTheHandlerLengthensTheCookie {

        @Test
        void theSessionIsSavedAndTheCookieSentWithTheNewExpiry() {
            String id = seed(s -> s.set("user", "ada"));
            Instant before = Instant.now();

            Response r = withSession(cookieFor(id), s -> s.cookie().maxAge(LONG));

            assertThat(r.cookie()).isEqualTo(cookieFor(id));
            Instant expires = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.parse(expiresOf(r), Instant::from);
            assertThat(expires).isAfter(before.plus(LONG).minusSeconds(2));
            assertThat(store.sets.get()).isOne();
            assertThat(storedJson(id).orElseThrow()).contains("\"originalMaxAge\":" + LONG.toMillis());
            Instant storedExpiry = store.delegate.get(id).map(StoredSession::expires).orElseThrow();
            assertThat(storedExpiry).isAfter(before.plus(LONG).minusSeconds(2));
        }

        @Test
        void aBrowserSessionCookieIsSentWhenTheHandlerDropsTheMaxAge() {
            String id = seed(s -> s.set("user", "ada"));

            Response r = withSession(cookieFor(id), s -> s.cookie().maxAge(null));

            assertThat(r.setCookies()).singleElement().satisfies(h -> assertThat(h).doesNotContain("Expires="));
            assertThat(store.sets.get()).isOne();
        }
    }

    @Nested
    class WhenTheMaxAgeIsSetToWhatItWas {

        @Test
        void nothingIsSavedAndNoCookieSent() {
            String id = seed(s -> s.set("user", "ada"));

            Response r = withSession(cookieFor(id), s -> s.cookie().maxAge(SHORT));

            assertThat(r.setCookies()).isEmpty();
            assertThat(store.sets.get()).isZero();
        }
    }

    @Nested
    class WhenANewSessionGetsALongerCookie {

        @Test
        void itIsStillNotSavedWhileNothingWasPutInIt() {
            Response r = withSession(null, s -> s.cookie().maxAge(LONG));

            assertThat(r.setCookies()).isEmpty();
            assertThat(store.sets.get()).isZero();
        }
    }
}
