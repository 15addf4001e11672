package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The genid option; the exact cookie values come from shared/vectors/cookie-signature.txt. */
public abstract class GenidTests extends LifecycleTestBase {

    private SetCookie cookieForId(String id) {
        return start(options().genid(request -> id), LifecycleRoutes.standard())
                .get("/set?k=a&v=1").send().requireCookie(NAME);
    }

    @Test
    void usesTheCustomIdInTheSignedCookie() {
        assertThat(cookieForId("apple").value()).isEqualTo("s%3Aapple.D8Y%2BpkTAmeR0PobOhY4G97PRW%2Bj7bUnP%2F5m6%2FOn1MCU");
    }

    @Test
    void encodesAnIdThatNeedsEscaping() {
        assertThat(cookieForId("%").value()).isEqualTo("s%3A%25.kzQ6x52kKVdF35Qh62AWk4ZekS28K5XYCXKa%2FOTZ01g");
    }

    @Test
    void encodesAnIdContainingASlash() {
        assertThat(cookieForId("/foo").value()).isEqualTo("s%3A%2Ffoo.paEKBtAHbV5s1IB8B2zPnzAgYmmnRPIqObW4VRYj%2FMQ");
    }

    @Test
    void storesTheSessionUnderTheCustomId() {
        cookieForId("apple");

        assertThat(memory.ids()).containsExactly("apple");
    }

    @Test
    void givesGenidTheRequest() {
        HttpCaller http = start(options().genid(request -> "tenant-" + request.header("X-Tenant")), LifecycleRoutes.standard());

        SetCookie cookie = http.get("/set?k=a&v=1").header("X-Tenant", "acme").send().requireCookie(NAME);

        assertThat(idOf(cookie)).isEqualTo("tenant-acme");
    }

    @Test
    void loadsASessionWithACustomId() {
        HttpCaller http = start(options().genid(request -> "apple"), LifecycleRoutes.standard());
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie(NAME);

        assertThat(http.get("/get?k=user").cookie(cookie).send().body()).isEqualTo("ann");
    }

    @Test
    void makesDefaultIdsOf24RandomBytesInBase64Url() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());

        String first = idOf(http.get("/set?k=a&v=1").send().requireCookie(NAME));
        String second = idOf(http.get("/set?k=a&v=1").send().requireCookie(NAME));

        assertThat(first).matches("[A-Za-z0-9_-]{32}");
        assertThat(second).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(first);
    }
}
