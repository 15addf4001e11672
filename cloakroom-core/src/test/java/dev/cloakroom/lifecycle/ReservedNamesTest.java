package dev.cloakroom.lifecycle;

import dev.cloakroom.ReservedNames;
import dev.cloakroom.SessionOptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Attribute names express-session 1.19 skips when it loads a session (its Session constructor copies
 * only keys not already {@code in} the new object), checked with Node against that constructor:
 * of a document holding every such key plus {@code ok}, only {@code cookie} and {@code ok} survive.
 */
@ExtendWith(NoSessionIdInLogs.class)
class ReservedNamesTest extends LifecycleFixture {

    private static final String SAVE_PROBLEM = "session attribute 'save' has a name express-session reserves (a method"
            + " of express-session's req.session): it skips the key when it loads a session, so a Node app sharing"
            + " the store drops the attribute at its next save";

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Nested
    class ByDefault {

        @Test
        void aReservedNameIsStoredWithOneWarningPerName() {
            try (ConsoleCopy log = new ConsoleCopy()) {
                String id = seed(s -> s.set("save", true));
                withSession(cookieFor(id), s -> s.set("save", false));
                withSession(null, s -> s.set("id", 7));
                assertThat(storedJson(id)).get().asString().contains("\"save\":false");
                assertThat(count(log.text(), SAVE_PROBLEM)).isEqualTo(1);
                assertThat(log.text()).contains("WARN").contains(SAVE_PROBLEM + ". Use another name;"
                        + " reservedNames(ReservedNames.REFUSE) makes this an error, ALLOW silences it. Logged once per name");
                assertThat(log.text()).contains("session attribute 'id' has a name express-session reserves"
                        + " (a property express-session gives req.session)");
            }
        }

        @Test
        void anOrdinaryNameWarnsNothing() {
            try (ConsoleCopy log = new ConsoleCopy()) {
                withSession(null, s -> s.set("saved", 1).set("userId", 2).set("Save", 3));
                assertThat(log.text()).doesNotContain("express-session reserves");
            }
        }

        @Test
        void theOptionIsWarn() {
            assertThat(SessionOptions.builder().secret(SECRET).build().reservedNames()).isEqualTo(ReservedNames.WARN);
        }
    }

    @Nested
    class WhenRefused {

        @ParameterizedTest
        @ValueSource(strings = {"id", "req", "save", "reload", "destroy", "regenerate", "touch", "resetMaxAge",
                "constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "__lookupGetter__"})
        void setThrowsNamingTheAttribute(String name) {
            configure(b -> b.reservedNames(ReservedNames.REFUSE));
            withSession(null, s -> assertThatThrownBy(() -> s.set(name, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("session attribute '" + name + "' has a name express-session reserves")
                    .hasMessageEndingWith(". Use another name, or reservedNames(ReservedNames.ALLOW) when no Node app"
                            + " shares the store"));
        }

        @Test
        void theMessageSaysWhyAndNothingIsSet() {
            configure(b -> b.reservedNames(ReservedNames.REFUSE));
            withSession(null, s -> {
                assertThatThrownBy(() -> s.set("toString", "x")).hasMessageContaining(
                        "(a property every JavaScript object inherits)");
                assertThat(s.has("toString")).isFalse();
            });
        }
    }

    @Nested
    class WhenAllowed {

        @Test
        void aReservedNameIsStoredSilently() {
            configure(b -> b.reservedNames(ReservedNames.ALLOW));
            try (ConsoleCopy log = new ConsoleCopy()) {
                String id = seed(s -> s.set("touch", 1));
                assertThat(storedJson(id)).get().asString().contains("\"touch\":1");
                assertThat(log.text()).doesNotContain("express-session reserves");
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"cookie", "__cloakroom"})
        void cloakroomsOwnKeysStayRefused(String name) {
            configure(b -> b.reservedNames(ReservedNames.ALLOW));
            withSession(null, s -> assertThatThrownBy(() -> s.set(name, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + name + "' is reserved"));
        }
    }

    @Test
    void aNullModeIsRefusedAtBuild() {
        assertThatThrownBy(() -> SessionOptions.builder().secret(SECRET).reservedNames(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reservedNames must be WARN, REFUSE or ALLOW, not null");
    }
}
