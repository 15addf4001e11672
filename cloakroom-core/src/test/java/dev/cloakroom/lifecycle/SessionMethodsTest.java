package dev.cloakroom.lifecycle;

import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionGoneException;
import dev.cloakroom.UnsetAction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(NoSessionIdInLogs.class)
class SessionMethodsTest extends LifecycleFixture {

    @Nested
    class Unset {

        @Test
        void keepLeavesTheStoredSessionAndSendsNoCookie() {
            String id = seed(s -> s.set("user", "a"));
            Response r = withSession(cookieFor(id), Session::unset);
            assertThat(r.setCookies()).isEmpty();
            assertThat(store.destroys.get()).isZero();
            assertThat(store.sets.get()).isZero();
            assertThat(storedJson(id)).isPresent();
        }

        @Test
        void destroyDeletesTheStoredSessionAndSendsNoCookie() {
            configure(b -> b.unset(UnsetAction.DESTROY));
            String id = seed(s -> s.set("user", "a"));
            Response r = withSession(cookieFor(id), Session::unset);
            assertThat(r.setCookies()).isEmpty();
            assertThat(store.destroys.get()).isOne();
            assertThat(storedJson(id)).isEmpty();
        }
    }

    @Nested
    class Regenerate {

        @Test
        void deletesTheOldIdAndSendsTheNewOneWithEmptyData() {
            String id = seed(s -> s.set("user", "a"));
            String[] newId = new String[1];
            Response r = withSession(cookieFor(id), s -> {
                s.regenerate();
                assertThat(s.keys()).isEmpty();
                s.set("user", "b");
                newId[0] = s.id();
            });
            assertThat(newId[0]).isNotEqualTo(id);
            assertThat(storedJson(id)).isEmpty();
            assertThat(r.cookie()).isEqualTo(cookieFor(newId[0]));
            assertThat(storedJson(newId[0])).hasValueSatisfying(json -> assertThat(json).contains("\"user\":\"b\""));
        }

        @Test
        void changeIdKeepsTheData() {
            String id = seed(s -> s.set("cart", "apple"));
            String[] newId = new String[1];
            Response r = withSession(cookieFor(id), s -> {
                s.changeId();
                newId[0] = s.id();
            });
            assertThat(newId[0]).isNotEqualTo(id);
            assertThat(storedJson(id)).isEmpty();
            assertThat(r.cookie()).isEqualTo(cookieFor(newId[0]));
            withSession(r.cookie(), s -> assertThat(s.get("cart", String.class)).contains("apple"));
        }
    }

    @Nested
    class Destroy {

        @Test
        void removesTheSessionAndSendsNoCookie() {
            String id = seed(s -> s.set("user", "a"));
            Response r = withSession(cookieFor(id), Session::destroy);
            assertThat(r.setCookies()).isEmpty();
            assertThat(storedJson(id)).isEmpty();
            assertThat(store.sets.get()).isZero();
        }

        /** express leaves {@code req.session} undefined after a destroy; the README says Cloakroom does not. */
        @Test
        void theSameRequestCanThenStartANewSession() {
            String id = seed(s -> s.set("user", "a"));
            String[] newId = new String[1];
            Response r = request(TestExchange.to("/").cookie(cookieFor(id)), context -> {
                context.session().destroy();
                Session fresh = context.session();
                assertThat(fresh.isNew()).isTrue();
                assertThat(fresh.keys()).isEmpty();
                fresh.set("user", "b");
                newId[0] = fresh.id();
            });
            assertThat(newId[0]).isNotEqualTo(id);
            assertThat(storedJson(id)).isEmpty();
            assertThat(r.cookie()).isEqualTo(cookieFor(newId[0]));
            assertThat(storedJson(newId[0])).hasValueSatisfying(json -> assertThat(json).contains("\"user\":\"b\""));
        }

        @Test
        void clearCookieTellsTheBrowserToForget() {
            String id = seed(s -> s.set("user", "a"));
            Response r = request(TestExchange.to("/").cookie(cookieFor(id)), context -> {
                context.session().destroy();
                context.clearCookie();
            });
            assertThat(r.setCookies()).singleElement().asString()
                    .startsWith("connect.sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        }
    }

    @Nested
    class Reload {

        @Test
        void seesAnotherRequestsWrite() {
            String id = seed(s -> s.set("visits", 1));
            SessionContext first = manager.open(TestExchange.to("/").cookie(cookieFor(id)));
            Session session = first.session();
            withSession(cookieFor(id), s -> s.set("visits", 2));
            session.reload();
            assertThat(session.get("visits", Integer.class)).contains(2);
            first.commit();
        }

        /** What the reload brought in is the new baseline, not a change of this request's own. */
        @Test
        void aReloadAloneWritesNothing() {
            String id = seed(s -> s.set("visits", 1));
            SessionContext first = manager.open(TestExchange.to("/").cookie(cookieFor(id)));
            Session session = first.session();
            withSession(cookieFor(id), s -> s.set("visits", 2));
            int setsBefore = store.sets.get();

            session.reload();
            first.commit();

            assertThat(store.sets.get()).isEqualTo(setsBefore);
            assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json).contains("\"visits\":2"));
        }

        @Test
        void throwsSessionGoneWhenAnotherRequestDestroyedIt() {
            String id = seed(s -> s.set("visits", 1));
            SessionContext first = manager.open(TestExchange.to("/").cookie(cookieFor(id)));
            Session session = first.session();
            withSession(cookieFor(id), Session::destroy);
            assertThatThrownBy(session::reload).isInstanceOf(SessionGoneException.class);
        }
    }

    @Nested
    class Save {

        @Test
        void thenCommitWritesExactlyOnceForANewSession() {
            withSession(null, s -> {
                s.set("user", "a");
                s.save();
            });
            assertThat(store.sets.get()).isOne();
        }

        @Test
        void thenCommitWritesExactlyOnceForALoadedSession() {
            String id = seed(s -> s.set("visits", 1));
            withSession(cookieFor(id), s -> {
                s.set("visits", 2);
                s.save();
            });
            assertThat(store.sets.get()).isOne();
            withSession(cookieFor(id), s -> assertThat(s.get("visits", Integer.class)).contains(2));
        }

        @Test
        void aChangeAfterTheSaveIsStillWritten() {
            String id = seed(s -> s.set("visits", 1));
            withSession(cookieFor(id), s -> {
                s.set("visits", 2);
                s.save();
                s.set("visits", 3);
            });
            assertThat(store.sets.get()).isEqualTo(2);
            withSession(cookieFor(id), s -> assertThat(s.get("visits", Integer.class)).contains(3));
        }
    }
}
