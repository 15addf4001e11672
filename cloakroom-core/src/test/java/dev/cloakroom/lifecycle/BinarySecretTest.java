package dev.cloakroom.lifecycle;

import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Node app whose secret is a Buffer ({@code crypto.randomBytes(32)}) shares sessions with a
 * Cloakroom app given the same bytes. The cookie below was computed with Node 20:
 * {@code id + '.' + createHmac('sha256', key).update(id).digest('base64').replace(/=+$/, '')},
 * which is what express-session 1.19 (cookie-signature 1.0.7) does with a Buffer secret.
 */
@ExtendWith(NoSessionIdInLogs.class)
class BinarySecretTest extends LifecycleFixture {

    /** Not valid UTF-8, so no string secret has these bytes. */
    static final byte[] KEY = HexFormat.of().parseHex("9f1c0e7a00ff8033c4d2b1a5e6f70819aa55cc3300ee11dd22bb44997766ff80");
    static final String ID = "hR3dN0tAr3alS3ss10nId-x_";
    static final String NODE_COOKIE = "connect.sid=s%3AhR3dN0tAr3alS3ss10nId-x_.WC3i0IX%2Fhxykxs%2FzWsOs%2BPZMmKD677%2BiNbCBVgJtYac";
    static final String STORED = "{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"httpOnly\":true,\"path\":\"/\"},"
            + "\"user\":\"ada\"}";

    @Nested
    class WhenTheSecretIsTheNodeAppsBuffer {

        @Test
        void theCookieNodeSignedFindsTheSession() {
            configure(b -> b.secret(KEY));
            storeRaw(ID, STORED);
            String[] user = new String[1];
            withSession(NODE_COOKIE, s -> user[0] = s.get("user", String.class).orElse(null));
            assertThat(user[0]).isEqualTo("ada");
        }

        @Test
        void theCookieSentIsTheOneNodeWouldSend() {
            configure(b -> b.secret(KEY).rolling(true));
            storeRaw(ID, STORED);
            Response r = withSession(NODE_COOKIE, s -> s.set("n", 1));
            assertThat(r.cookie()).isEqualTo(NODE_COOKIE);
        }

        @Test
        void aSecondBinaryKeyStillVerifiesDuringRotation() {
            byte[] newer = "n".repeat(32).getBytes(StandardCharsets.US_ASCII);
            configure(b -> b.secrets(newer, KEY));
            storeRaw(ID, STORED);
            withSession(NODE_COOKIE, s -> s.set("n", 1));
            assertThat(storedJson(ID)).get().asString().contains("\"user\":\"ada\"").contains("\"n\":1");
        }
    }

    @Nested
    class WhenTheKeyIsReadAsAString {

        @Test
        void theNodeCookieIsNotAccepted() {
            // The bytes decoded as UTF-8 (with replacement characters) are another key: the reason
            // a Buffer secret cannot be passed as a String.
            configure(b -> b.secret(new String(KEY, StandardCharsets.UTF_8)));
            storeRaw(ID, STORED);
            boolean[] isNew = new boolean[1];
            withSession(NODE_COOKIE, s -> isNew[0] = s.isNew());
            assertThat(isNew[0]).isTrue();
        }
    }

    @Nested
    class WhenTheBinarySecretIsShort {

        @Test
        void theEngineWarnsAsForAString() {
            try (ConsoleCopy log = new ConsoleCopy()) {
                new SessionManager(SessionOptions.builder().secret(new byte[16]).store(store).build());
                assertThat(log.text()).contains("session secret #1 is only 16 bytes long; use at least 32 random bytes");
            }
        }

        @Test
        void aKeyOf32BytesWarnsNothing() {
            try (ConsoleCopy log = new ConsoleCopy()) {
                new SessionManager(SessionOptions.builder().secret(KEY).store(store).build());
                assertThat(log.text()).doesNotContain("session secret #1");
            }
        }
    }
}
