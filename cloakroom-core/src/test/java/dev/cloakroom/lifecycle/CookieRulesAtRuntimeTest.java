package dev.cloakroom.lifecycle;

import dev.cloakroom.CookieOptions;
import dev.cloakroom.SecureMode;
import dev.cloakroom.SessionTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What build() cannot check, refused when it happens, with the rule named. */
@ExtendWith(NoSessionIdInLogs.class)
class CookieRulesAtRuntimeTest extends LifecycleFixture {

    @Test
    void anIdMakingTheCookieTooLongFailsNamingGenidAndTheSize() {
        configure(b -> b.genid(request -> "a".repeat(4096)));

        assertThatThrownBy(() -> withSession(null, s -> s.set("a", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("genid returned a session id of 4096 characters: the cookie connect.sid would be ")
                .hasMessageContaining("over the 4096 browsers accept, so it would never come back");
        assertThat(store.sets.get()).isZero();
    }

    @Test
    void countsTheEncodedBytesOfTheValue() {
        // Each % encodes to three bytes: 1350 of them are 4050 bytes on the wire, though 1350 characters.
        configure(b -> b.genid(request -> "%".repeat(1350)));

        assertThatThrownBy(() -> withSession(null, s -> s.set("a", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("genid returned a session id of 1350 characters");
    }

    @Test
    void perRequestSettingsBreakingThePrefixFailNamingTheRule() {
        CookieOptions shared = CookieOptions.builder().secure(SecureMode.ALWAYS).domain("example.com").build();
        configure(b -> b.name("__Host-sid").cookiePerRequest(request -> shared));

        assertThatThrownBy(() -> withSession(null, s -> s.set("a", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cookiePerRequest returned settings browsers would drop: cookie name '__Host-sid' starts with"
                        + " __Host-, which browsers accept only without a Domain: remove cookie.domain('example.com'), or"
                        + " use the __Secure- prefix for a cookie shared with subdomains");
    }

    @Test
    void aBearerIdWithACharacterTheTokenCannotCarryFails() {
        configure(b -> b.transport(SessionTransport.bearer()).genid(request -> "tenant:42"));

        assertThatThrownBy(() -> withSession(null, s -> s.set("a", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("genid returned a session id with the character ':' (position 7), which an RFC 6750 bearer"
                        + " token cannot carry: use letters, digits and - . _ ~ + / (the default ids are base64url)");
    }

    @Test
    void aHeaderIdWithACommaFails() {
        configure(b -> b.transport(SessionTransport.header("X-Session-Id")).genid(request -> "a,b"));

        assertThatThrownBy(() -> withSession(null, s -> s.set("a", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("which the X-Session-Id header cannot carry safely");
    }
}
