package dev.cloakroom.lifecycle;

import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(NoSessionIdInLogs.class)
class LoadingTest extends LifecycleFixture {

    @Nested
    class WhenSignatureIsBad {

        @Test
        void doesNotTouchTheStore() {
            String id = seed(s -> s.set("user", "a"));
            String tampered = cookieFor(id).replaceFirst(".$", "x");
            withSession(tampered, s -> assertThat(s.isNew()).isTrue());
            assertThat(store.gets.get()).isZero();
        }

        @Test
        void givesANewSessionWithANewId() {
            String id = seed(s -> s.set("user", "a"));
            String[] seen = new String[1];
            withSession("connect.sid=s%3A" + id + ".bad", s -> seen[0] = s.id());
            assertThat(seen[0]).isNotEqualTo(id);
            assertThat(store.gets.get()).isZero();
        }

        @Test
        void doesNotTouchTheStoreForAnUnsignedId() {
            String id = seed(s -> s.set("user", "a"));
            withSession("connect.sid=" + id, s -> assertThat(s.has("user")).isFalse());
            assertThat(store.gets.get()).isZero();
        }
    }

    @Nested
    class WhenTheHandlerNeverAsksForTheSession {

        @Test
        void costsNoStoreAccessAndSendsNoCookie() {
            String id = seed(s -> s.set("user", "a"));
            Response r = request(TestExchange.to("/").cookie(cookieFor(id)), context -> { });
            assertThat(store.calls()).isZero();
            assertThat(r.setCookies()).isEmpty();
        }

        @Test
        void costsNothingWithoutACookieEither() {
            Response r = request(TestExchange.to("/"), context -> { });
            assertThat(store.calls()).isZero();
            assertThat(r.setCookies()).isEmpty();
        }
    }

    @Nested
    class WhenTheHandlerAsksForTheSession {

        @Test
        void readsTheStoreOnTheFirstCallOnly() {
            String id = seed(s -> s.set("user", "a"));
            request(TestExchange.to("/").cookie(cookieFor(id)), context -> {
                assertThat(store.gets.get()).isZero();
                Session first = context.session();
                assertThat(store.gets.get()).isOne();
                assertThat(context.session()).isSameAs(first);
                assertThat(context.existing()).containsSame(first);
                assertThat(store.gets.get()).isOne();
            });
        }

        @Test
        void loadsTheStoredAttributes() {
            String id = seed(s -> s.set("user", "a"));
            withSession(cookieFor(id), s -> {
                assertThat(s.isNew()).isFalse();
                assertThat(s.id()).isEqualTo(id);
                assertThat(s.get("user", String.class)).contains("a");
            });
        }

        @Test
        void startsANewSessionWhenTheIdIsNotStored() {
            withSession(cookieFor("not-stored"), s -> {
                assertThat(s.isNew()).isTrue();
                assertThat(s.id()).isNotEqualTo("not-stored");
            });
            assertThat(store.gets.get()).isOne();
        }

        @Test
        void existingDoesNotCreateASession() {
            Response r = request(TestExchange.to("/"), context -> assertThat(context.existing()).isEmpty());
            assertThat(r.setCookies()).isEmpty();
            assertThat(store.sets.get()).isZero();
        }
    }

    @Nested
    class WhenThePathIsOutsideTheCookiePath {

        @Test
        void hasNoSessionAndReadsNoStore() {
            String id = seed(s -> s.set("user", "a"));
            configure(b -> b.cookie(c -> c.path("/app")));
            SessionContext context = manager.open(TestExchange.to("/other").cookie(cookieFor(id)));
            assertThat(context.existing()).isEmpty();
            context.commit();
            assertThat(store.calls()).isZero();
        }
    }
}
