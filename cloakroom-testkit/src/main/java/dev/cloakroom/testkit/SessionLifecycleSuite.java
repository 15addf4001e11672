package dev.cloakroom.testkit;

import dev.cloakroom.testkit.lifecycle.AttackTests;
import dev.cloakroom.testkit.lifecycle.BadCookieTests;
import dev.cloakroom.testkit.lifecycle.BadSignatureTests;
import dev.cloakroom.testkit.lifecycle.CacheHeaderTests;
import dev.cloakroom.testkit.lifecycle.CookieAttributeTests;
import dev.cloakroom.testkit.lifecycle.CookieHeaderFuzzTests;
import dev.cloakroom.testkit.lifecycle.CookieNameRuleTests;
import dev.cloakroom.testkit.lifecycle.CookiePathTests;
import dev.cloakroom.testkit.lifecycle.ExpiredSessionTests;
import dev.cloakroom.testkit.lifecycle.GenidTests;
import dev.cloakroom.testkit.lifecycle.HandlerCookieTests;
import dev.cloakroom.testkit.lifecycle.HeaderTransportTests;
import dev.cloakroom.testkit.lifecycle.MountedAppTests;
import dev.cloakroom.testkit.lifecycle.NameTests;
import dev.cloakroom.testkit.lifecycle.NonFiniteNumberTests;
import dev.cloakroom.testkit.lifecycle.ProxyTests;
import dev.cloakroom.testkit.lifecycle.RegisteredTwiceTests;
import dev.cloakroom.testkit.lifecycle.ResaveTests;
import dev.cloakroom.testkit.lifecycle.ResponseEndTests;
import dev.cloakroom.testkit.lifecycle.RollingTests;
import dev.cloakroom.testkit.lifecycle.SameSiteAutoTests;
import dev.cloakroom.testkit.lifecycle.SaveUninitializedTests;
import dev.cloakroom.testkit.lifecycle.SecretListTests;
import dev.cloakroom.testkit.lifecycle.SecureAutoTests;
import dev.cloakroom.testkit.lifecycle.SessionMethodTests;
import dev.cloakroom.testkit.lifecycle.SidNotInStoreTests;
import dev.cloakroom.testkit.lifecycle.StoreFailureTests;
import dev.cloakroom.testkit.lifecycle.StoredCookieTests;
import dev.cloakroom.testkit.lifecycle.TimeoutTests;
import dev.cloakroom.testkit.lifecycle.UnsetTests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP-level lifecycle every adapter must pass: express-session's own test cases, as
 * behaviour sentences, over real HTTP against a real embedded server. An adapter's test extends
 * this class and says how to start its server:
 *
 * <pre>{@code
 * class JavalinLifecycleTest extends SessionLifecycleSuite {
 *     @Override
 *     protected AdapterHarness harness() {
 *         return (options, routes) -> ...;   // start Javalin with the plugin, serve routes
 *     }
 * }
 * }</pre>
 *
 * <p>The tests live in {@code dev.cloakroom.testkit.lifecycle}, one abstract class per group;
 * each group is bound here as a {@code @Nested} inner class so JUnit runs every group for every
 * adapter subclass. The harness must map {@link dev.cloakroom.SessionStoreException} to 503,
 * {@link dev.cloakroom.SessionGoneException} to 409 without a session cookie, and
 * call {@link dev.cloakroom.SessionContext#commit()} before the response is committed.
 *
 * <p>{@link NoSessionIdInLogs} watches the whole run: a raw session id in any log line the
 * adapter's tests produce fails the class, and every test refuses to run without that check.
 */
@ExtendWith(NoSessionIdInLogs.class)
public abstract class SessionLifecycleSuite {

    /** {@return the harness that starts the adapter under test} Called once per server a test needs. */
    protected abstract AdapterHarness harness();

    @Nested
    class WhenTheResponseEnds extends ResponseEndTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class WhenTheSidIsNotInTheStore extends SidNotInStoreTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class WhenTheSidIsNotProperlySigned extends BadSignatureTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class WhenTheSessionExpiredInTheStore extends ExpiredSessionTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class TheProxyOption extends ProxyTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class TheCookiePath extends CookiePathTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class WhenSecureIsAuto extends SecureAutoTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class WhenSameSiteIsAuto extends SameSiteAutoTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class TheGenidOption extends GenidTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class TheNameOption extends NameTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class TheRollingOption extends RollingTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class TheResaveOption extends ResaveTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class TheSaveUninitializedOption extends SaveUninitializedTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class WithSeveralSecrets extends SecretListTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class TheUnsetOption extends UnsetTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class TheSessionMethods extends SessionMethodTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class TheCookieAttributes extends CookieAttributeTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class WhenAHandlerChangesTheCookie extends HandlerCookieTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class WithABadCookie extends BadCookieTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class WhenTheStoreFails extends StoreFailureTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class WhenMountedAtAPath extends MountedAppTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class WhenRegisteredTwice extends RegisteredTwiceTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class UnderAttack extends AttackTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class TheCookieNameRules extends CookieNameRuleTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class WithHeaderTransport extends HeaderTransportTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class WithTimeouts extends TimeoutTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class WhenANumberIsNotFinite extends NonFiniteNumberTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class TheCacheHeaders extends CacheHeaderTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class WhenTheStoredCookieIsInvalid extends StoredCookieTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }

    @Nested
    class UnderGeneratedCookieHeaders extends CookieHeaderFuzzTests {
        @Override
        protected AdapterHarness harness() {
            return SessionLifecycleSuite.this.harness();
        }
    }
}
