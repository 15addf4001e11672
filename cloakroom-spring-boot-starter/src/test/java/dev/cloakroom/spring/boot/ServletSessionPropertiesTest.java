package dev.cloakroom.spring.boot;

import dev.cloakroom.CookieOptions;
import dev.cloakroom.SameSite;
import dev.cloakroom.SecureMode;
import dev.cloakroom.SessionOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code server.servlet.session.*}: honoured where Cloakroom has the same setting, refused otherwise. */
class ServletSessionPropertiesTest {

    private static CookieOptions cookie(org.springframework.boot.test.context.assertj.AssertableWebApplicationContext c) {
        assertThat(c).hasNotFailed();
        return c.getBean(SessionOptions.class).cookieFor(null);
    }

    @Test
    void theTimeoutBecomesTheCookiesMaxAge() {
        Contexts.runner().withPropertyValues("server.servlet.session.timeout=20m").run(c ->
                assertThat(cookie(c).maxAge()).hasValue(Duration.ofMinutes(20)));
    }

    @Test
    void aBareTimeoutNumberIsSecondsAsInSpringBoot() {
        Contexts.runner().withPropertyValues("server.servlet.session.timeout=1200").run(c ->
                assertThat(cookie(c).maxAge()).hasValue(Duration.ofMinutes(20)));
    }

    @Test
    void springBootsDefaultTimeoutIsNotMistakenForASetting() {
        Contexts.runner().run(c -> assertThat(cookie(c).maxAge()).as("a browser-session cookie").isEmpty());
    }

    @Test
    void theCookieSettingsAreHonoured() {
        Contexts.runner().withPropertyValues(
                "server.servlet.session.cookie.name=SHOPSESSION",
                "server.servlet.session.cookie.path=/shop",
                "server.servlet.session.cookie.domain=shop.example",
                "server.servlet.session.cookie.http-only=false",
                "server.servlet.session.cookie.secure=true",
                "server.servlet.session.cookie.same-site=strict",
                "server.servlet.session.cookie.partitioned=true",
                "server.servlet.session.cookie.max-age=2h").run(c -> {
                    CookieOptions cookie = cookie(c);
                    assertThat(c.getBean(SessionOptions.class).name()).isEqualTo("SHOPSESSION");
                    assertThat(cookie.path()).isEqualTo("/shop");
                    assertThat(cookie.domain()).hasValue("shop.example");
                    assertThat(cookie.httpOnly()).isFalse();
                    assertThat(cookie.secure()).isEqualTo(SecureMode.ALWAYS);
                    assertThat(cookie.sameSite()).hasValue(SameSite.STRICT);
                    assertThat(cookie.partitioned()).isTrue();
                    assertThat(cookie.maxAge()).hasValue(Duration.ofHours(2));
                });
    }

    @Test
    void sameSiteOmittedLeavesTheAttributeOut() {
        Contexts.runner().withPropertyValues("server.servlet.session.cookie.same-site=omitted").run(c ->
                assertThat(cookie(c).sameSite()).isEmpty());
    }

    @Test
    void twoSettingsThatAgreeAreFine() {
        Contexts.runner().withPropertyValues("cloakroom.cookie.path=/shop", "server.servlet.session.cookie.path=/shop",
                "cloakroom.cookie.max-age=30m", "server.servlet.session.timeout=30m").run(c -> {
                    assertThat(cookie(c).path()).isEqualTo("/shop");
                    assertThat(cookie(c).maxAge()).hasValue(Duration.ofMinutes(30));
                });
    }

    @Test
    void twoSettingsThatDisagreeFailNamingBoth() {
        Contexts.runner().withPropertyValues("cloakroom.cookie.path=/a", "server.servlet.session.cookie.path=/b").run(c -> {
            CloakroomConfigurationException e = Contexts.failure(c);
            assertThat(e.property()).isEqualTo("server.servlet.session.cookie.path");
            assertThat(e.problem()).contains("cloakroom.cookie.path");
            assertThat(e.action()).contains("Remove server.servlet.session.cookie.path");
        });
    }

    @Test
    void aTimeoutAndACookieMaxAgeThatDisagreeFail() {
        Contexts.runner().withPropertyValues("server.servlet.session.cookie.max-age=1h", "server.servlet.session.timeout=30m")
                .run(c -> {
                    CloakroomConfigurationException e = Contexts.failure(c);
                    assertThat(e.property()).isEqualTo("server.servlet.session.timeout");
                    assertThat(e.problem()).contains("server.servlet.session.cookie.max-age");
                });
    }

    @Test
    void anInvalidValueIsReportedUnderTheServletPropertyItCameFrom() {
        Contexts.runner().withPropertyValues("server.servlet.session.cookie.same-site=none",
                "server.servlet.session.cookie.secure=false").run(c -> {
                    CloakroomConfigurationException e = Contexts.failure(c);
                    assertThat(e.property()).isEqualTo("server.servlet.session.cookie.same-site");
                    assertThat(e.problem()).contains("server.servlet.session.cookie.secure");
                });
    }

    @Test
    void aTimeoutOfZeroFailsForCloakroomHasNoEverlastingSessions() {
        Contexts.runner().withPropertyValues("server.servlet.session.timeout=0").run(c ->
                assertThat(Contexts.failure(c).property()).isEqualTo("server.servlet.session.timeout"));
    }

    @Test
    void urlTrackingFails() {
        Contexts.runner().withPropertyValues("server.servlet.session.tracking-modes=url").run(c -> {
            CloakroomConfigurationException e = Contexts.failure(c);
            assertThat(e.property()).isEqualTo("server.servlet.session.tracking-modes");
            assertThat(e.action()).contains("Remove server.servlet.session.tracking-modes");
        });
    }

    @Test
    void sslTrackingFailsToo() {
        Contexts.runner().withPropertyValues("server.servlet.session.tracking-modes=cookie,ssl").run(c ->
                assertThat(Contexts.failure(c).property()).isEqualTo("server.servlet.session.tracking-modes"));
    }

    @Test
    void cookieTrackingIsWhatCloakroomDoesAnyway() {
        Contexts.runner().withPropertyValues("server.servlet.session.tracking-modes=cookie").run(c ->
                assertThat(c).hasNotFailed());
    }

    @Test
    void persistentContainerSessionsFailPointingAtAStore() {
        Contexts.runner().withPropertyValues("server.servlet.session.persistent=true").run(c -> {
            CloakroomConfigurationException e = Contexts.failure(c);
            assertThat(e.property()).isEqualTo("server.servlet.session.persistent");
            assertThat(e.action()).contains("cloakroom.store");
        });
    }

    @Test
    void aStoreDirectoryFails() {
        Contexts.runner().withPropertyValues("server.servlet.session.store-dir=/tmp/sessions").run(c ->
                assertThat(Contexts.failure(c).property()).isEqualTo("server.servlet.session.store-dir"));
    }
}
