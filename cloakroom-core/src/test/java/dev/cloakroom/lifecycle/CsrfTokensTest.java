package dev.cloakroom.lifecycle;

import dev.cloakroom.CsrfTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Synchronizer tokens kept in real sessions, across requests through SessionManager and a MemoryStore. */
@ExtendWith(NoSessionIdInLogs.class)
class CsrfTokensTest extends LifecycleFixture {

    /** The token a page would embed, made in one request of the session {@code id}. */
    private String tokenOf(String id) {
        String[] token = new String[1];
        withSession(cookieFor(id), s -> token[0] = CsrfTokens.token(s));
        return token[0];
    }

    /** Whether a later request of the session {@code id} accepts {@code presented}. */
    private boolean verifies(String id, String presented) {
        boolean[] ok = new boolean[1];
        withSession(cookieFor(id), s -> ok[0] = CsrfTokens.verify(s, presented));
        return ok[0];
    }

    @Nested
    class WhenATokenIsMade {

        @Test
        void isThirtyTwoRandomBytesAsBase64urlWithoutPadding() {
            String id = seed(s -> s.set("x", 1));

            String token = tokenOf(id);

            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        }

        @Test
        void isKeptInTheSessionSoLaterRequestsGetTheSameOne() {
            String id = seed(s -> s.set("x", 1));

            String first = tokenOf(id);

            assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json).contains("\"" + CsrfTokens.ATTRIBUTE + "\":\"" + first + "\""));
            assertThat(tokenOf(id)).isEqualTo(first);
        }

        @Test
        void differsBetweenSessions() {
            String one = seed(s -> s.set("x", 1));
            String two = seed(s -> s.set("x", 2));

            assertThat(tokenOf(one)).isNotEqualTo(tokenOf(two));
        }

        @Test
        void createsANewSessionInTheStoreWhenThereWasNone() {
            String[] id = new String[1];
            withSession(null, s -> {
                CsrfTokens.token(s);
                id[0] = s.id();
            });

            assertStored(id[0]);
        }
    }

    @Nested
    class WhenAFormIsChecked {

        @Test
        void acceptsTheSessionsOwnToken() {
            String id = seed(s -> s.set("x", 1));
            String token = tokenOf(id);

            assertThat(verifies(id, token)).isTrue();
        }

        @Test
        void refusesAMissingOrEmptyToken() {
            String id = seed(s -> s.set("x", 1));
            tokenOf(id);

            assertThat(verifies(id, null)).isFalse();
            assertThat(verifies(id, "")).isFalse();
        }

        @Test
        void refusesAWrongTokenEvenOneCharacterOff() {
            String id = seed(s -> s.set("x", 1));
            String token = tokenOf(id);
            String oneOff = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');

            assertThat(verifies(id, oneOff)).isFalse();
            assertThat(verifies(id, token + "A")).isFalse();
            assertThat(verifies(id, token.substring(1))).isFalse();
        }

        @Test
        void refusesAnotherSessionsToken() {
            String victim = seed(s -> s.set("x", 1));
            String attacker = seed(s -> s.set("x", 2));
            tokenOf(victim);

            assertThat(verifies(victim, tokenOf(attacker))).isFalse();
        }

        @Test
        void refusesEverythingInASessionWithoutATokenAndMakesNone() {
            String id = seed(s -> s.set("x", 1));
            String before = storedJson(id).orElseThrow();

            assertThat(verifies(id, "anything")).isFalse();
            assertThat(storedJson(id)).contains(before);
        }
    }

    @Nested
    class WhenTheTokenIsRotated {

        @Test
        void theOldTokenNoLongerVerifiesAndTheNewOneDoes() {
            String id = seed(s -> s.set("x", 1));
            String old = tokenOf(id);
            String[] rotated = new String[1];
            withSession(cookieFor(id), s -> rotated[0] = CsrfTokens.rotate(s));

            assertThat(rotated[0]).isNotEqualTo(old);
            assertThat(verifies(id, old)).isFalse();
            assertThat(verifies(id, rotated[0])).isTrue();
            assertThat(tokenOf(id)).isEqualTo(rotated[0]);
        }

        @Test
        void changeIdAloneKeepsTheTokenWhichIsWhyLoginMustRotate() {
            String id = seed(s -> s.set("x", 1));
            String old = tokenOf(id);
            String[] newId = new String[1];
            withSession(cookieFor(id), s -> {
                s.changeId();
                newId[0] = s.id();
            });

            assertThat(verifies(newId[0], old)).isTrue();
        }

        @Test
        void regenerateDropsTheTokenWithTheRestOfTheSession() {
            String id = seed(s -> s.set("x", 1));
            String old = tokenOf(id);
            String[] newId = new String[1];
            withSession(cookieFor(id), s -> {
                s.regenerate();
                s.set("y", 1);
                newId[0] = s.id();
            });

            assertThat(verifies(newId[0], old)).isFalse();
        }
    }

    @Test
    void refusesANullSession() {
        assertThatThrownBy(() -> CsrfTokens.token(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CsrfTokens.verify(null, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CsrfTokens.rotate(null)).isInstanceOf(NullPointerException.class);
    }
}
