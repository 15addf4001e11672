package dev.cloakroom.spring.boot;

import dev.cloakroom.CookieOptions;
import dev.cloakroom.Priority;
import dev.cloakroom.ReservedNames;
import dev.cloakroom.SameSite;
import dev.cloakroom.SecureMode;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.UnsetAction;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OptionsFromPropertiesTest {

    @Test
    void everyPropertyReachesTheOptions() {
        Contexts.bare().withPropertyValues(
                "cloakroom.secret=new-secret,old-secret",
                "cloakroom.name=shop.sid",
                "cloakroom.resave=true",
                "cloakroom.save-uninitialized=true",
                "cloakroom.rolling=true",
                "cloakroom.unset=destroy",
                "cloakroom.reserved-names=refuse",
                "cloakroom.proxy=true",
                "cloakroom.touch-after=10s",
                "cloakroom.idle-timeout=20m",
                "cloakroom.absolute-timeout=8h",
                "cloakroom.max-session-bytes=64KB",
                "cloakroom.cookie.path=/shop",
                "cloakroom.cookie.domain=shop.example",
                "cloakroom.cookie.http-only=false",
                "cloakroom.cookie.secure=true",
                "cloakroom.cookie.max-age=30m",
                "cloakroom.cookie.same-site=none",
                "cloakroom.cookie.partitioned=true",
                "cloakroom.cookie.priority=high").run(context -> {
                    SessionOptions o = context.getBean(SessionOptions.class);
                    assertThat(o.secretKeys()).containsExactly("new-secret".getBytes(StandardCharsets.UTF_8), "old-secret".getBytes(StandardCharsets.UTF_8));
                    assertThat(o.name()).isEqualTo("shop.sid");
                    assertThat(o.resave()).isTrue();
                    assertThat(o.saveUninitialized()).isTrue();
                    assertThat(o.rolling()).isTrue();
                    assertThat(o.unset()).isEqualTo(UnsetAction.DESTROY);
                    assertThat(o.reservedNames()).isEqualTo(ReservedNames.REFUSE);
                    assertThat(o.proxy()).isTrue();
                    assertThat(o.touchAfter()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(o.idleTimeout()).hasValue(Duration.ofMinutes(20));
                    assertThat(o.absoluteTimeout()).hasValue(Duration.ofHours(8));
                    assertThat(o.maxSessionBytes()).isEqualTo(64 * 1024);
                    CookieOptions c = o.cookieFor(null);
                    assertThat(c.path()).isEqualTo("/shop");
                    assertThat(c.domain()).hasValue("shop.example");
                    assertThat(c.httpOnly()).isFalse();
                    assertThat(c.secure()).isEqualTo(SecureMode.ALWAYS);
                    assertThat(c.maxAge()).hasValue(Duration.ofMinutes(30));
                    assertThat(c.sameSite()).hasValue(SameSite.NONE);
                    assertThat(c.partitioned()).isTrue();
                    assertThat(c.priority()).hasValue(Priority.HIGH);
                });
    }

    @Test
    void unsetPropertiesKeepCloakroomsDefaults() {
        Contexts.runner().run(context -> {
            SessionOptions o = context.getBean(SessionOptions.class);
            SessionOptions defaults = SessionOptions.builder().secret("x").build();
            assertThat(o.name()).isEqualTo(defaults.name()).isEqualTo("connect.sid");
            assertThat(List.of(o.resave(), o.saveUninitialized(), o.rolling())).containsOnly(false);
            assertThat(o.proxy()).isNull();
            assertThat(o.reservedNames()).isEqualTo(defaults.reservedNames()).isEqualTo(ReservedNames.WARN);
            CookieOptions c = o.cookieFor(null);
            CookieOptions d = CookieOptions.defaults();
            assertThat(c.path()).isEqualTo(d.path());
            assertThat(c.secure()).isEqualTo(d.secure()).isEqualTo(SecureMode.AUTO);
            assertThat(c.sameSite()).isEqualTo(d.sameSite());
            assertThat(c.maxAge()).isEmpty();
            assertThat(o.idleTimeout()).isEmpty();
            assertThat(o.absoluteTimeout()).isEmpty();
            assertThat(o.maxSessionBytes()).isEqualTo(defaults.maxSessionBytes()).isEqualTo(256 * 1024);
        });
    }

    @Test
    void aPlainMaxSessionBytesIsBytesAndOneTooSmallFailsNamingItsProperty() {
        Contexts.runner().withPropertyValues("cloakroom.max-session-bytes=5000").run(context ->
                assertThat(context.getBean(SessionOptions.class).maxSessionBytes()).isEqualTo(5000));
        Contexts.runner().withPropertyValues("cloakroom.max-session-bytes=512").run(context -> {
            CloakroomConfigurationException e = Contexts.failure(context);
            assertThat(e.property()).isEqualTo("cloakroom.max-session-bytes");
            assertThat(e.problem()).startsWith("must be at least 1024");
        });
    }

    @Test
    void aMaxSessionBytesPastAnIntIsNoPracticalLimit() {
        Contexts.runner().withPropertyValues("cloakroom.max-session-bytes=4GB").run(context ->
                assertThat(context.getBean(SessionOptions.class).maxSessionBytes()).isEqualTo(Integer.MAX_VALUE));
    }

    @Test
    void anIdleTimeoutNotShorterThanTheAbsoluteOneFailsNamingBothProperties() {
        Contexts.runner().withPropertyValues("cloakroom.idle-timeout=8h", "cloakroom.absolute-timeout=8h").run(context -> {
            CloakroomConfigurationException e = Contexts.failure(context);
            assertThat(e.property()).isEqualTo("cloakroom.idle-timeout");
            assertThat(e.problem()).startsWith("(PT8H) must be shorter than cloakroom.absolute-timeout (PT8H)");
        });
    }

    @Test
    void anIdleTimeoutLongerThanTheServletTimeoutFailsNamingTheServletProperty() {
        Contexts.runner().withPropertyValues("cloakroom.idle-timeout=1h", "server.servlet.session.timeout=30m").run(context -> {
            CloakroomConfigurationException e = Contexts.failure(context);
            assertThat(e.property()).isEqualTo("cloakroom.idle-timeout");
            assertThat(e.problem()).startsWith("(PT1H) must not be longer than server.servlet.session.timeout (PT30M)");
        });
    }

    @Test
    void aZeroAbsoluteTimeoutFailsNamingTheProperty() {
        Contexts.runner().withPropertyValues("cloakroom.absolute-timeout=0s").run(context -> {
            CloakroomConfigurationException e = Contexts.failure(context);
            assertThat(e.property()).isEqualTo("cloakroom.absolute-timeout");
            assertThat(e.problem()).isEqualTo("must be positive, got PT0S");
        });
    }

    /** The defaults column of the README's property table, for the properties core has no default for. */
    @Test
    void unsetPropertiesHaveTheDefaultsTheReadmeLists() {
        Contexts.runner().run(context -> {
            CloakroomProperties p = context.getBean(CloakroomProperties.class);
            assertThat(p.getUnset()).isEqualTo(UnsetAction.KEEP);
            assertThat(p.getTouchAfter()).isEqualTo(Duration.ZERO);
            assertThat(p.getStore()).isEqualTo(CloakroomProperties.StoreType.MEMORY);
            assertThat(p.getAllowedPackages()).isEmpty();
            assertThat(p.getMemory().getMaxSessions()).isEqualTo(100_000);
            assertThat(p.getMemory().getDefaultTtl()).isEqualTo(Duration.ofDays(1));
            assertThat(p.getRedis().getPrefix()).isEqualTo("sess:");
            assertThat(p.getRedis().getTimeout()).isEqualTo(Duration.ofSeconds(1));
            assertThat(p.getRedis().getDefaultTtl()).isEqualTo(Duration.ofDays(1));
            assertThat(p.getJdbc().getTable()).isEqualTo("session");
            assertThat(p.getJdbc().isCreateTable()).isFalse();
            assertThat(p.getJdbc().getQueryTimeout()).isEqualTo(Duration.ofSeconds(1));
            assertThat(p.getJdbc().getPruneInterval()).isEqualTo(Duration.ofMinutes(15));
            assertThat(p.getJdbc().getDefaultTtl()).isEqualTo(Duration.ofDays(1));
            assertThat(p.getMongodb().getDatabase()).as("from spring.mongodb.*").isNull();
            assertThat(p.getMongodb().getCollection()).isEqualTo("sessions");
            assertThat(p.getMongodb().isCreateTtlIndex()).isTrue();
            assertThat(p.getMongodb().getDefaultTtl()).isEqualTo(Duration.ofDays(14));
            CookieOptions c = context.getBean(SessionOptions.class).cookieFor(null);
            assertThat(c.httpOnly()).isTrue();
            assertThat(c.partitioned()).isFalse();
            assertThat(c.domain()).isEmpty();
            assertThat(c.priority()).isEmpty();
        });
    }

    @Test
    void sameSiteOmittedLeavesTheAttributeOut() {
        Contexts.runner().withPropertyValues("cloakroom.cookie.same-site=omitted").run(context ->
                assertThat(context.getBean(SessionOptions.class).cookieFor(null).sameSite()).isEmpty());
    }

    @Test
    void secureAutoAndFalse() {
        Contexts.runner().withPropertyValues("cloakroom.cookie.secure=false").run(context ->
                assertThat(context.getBean(SessionOptions.class).cookieFor(null).secure()).isEqualTo(SecureMode.NEVER));
        Contexts.runner().withPropertyValues("cloakroom.cookie.secure=auto").run(context ->
                assertThat(context.getBean(SessionOptions.class).cookieFor(null).secure()).isEqualTo(SecureMode.AUTO));
    }

    @Test
    void aBadCookiePathFailsNamingItsProperty() {
        Contexts.runner().withPropertyValues("cloakroom.cookie.path=shop").run(context -> {
            CloakroomConfigurationException e = Contexts.failure(context);
            assertThat(e.property()).isEqualTo("cloakroom.cookie.path");
            assertThat(e.problem()).contains("must start with '/'");
        });
    }

    @Test
    void sameSiteNoneWithoutSecureFailsNamingBothProperties() {
        Contexts.runner().withPropertyValues("cloakroom.cookie.same-site=none", "cloakroom.cookie.secure=false").run(context -> {
            CloakroomConfigurationException e = Contexts.failure(context);
            assertThat(e.property()).isEqualTo("cloakroom.cookie.same-site");
            assertThat(e.problem()).contains("cloakroom.cookie.secure ALWAYS");
        });
    }

    @Test
    void aNonPositiveMaxAgeFailsNamingItsProperty() {
        Contexts.runner().withPropertyValues("cloakroom.cookie.max-age=0s").run(context ->
                assertThat(Contexts.failure(context).property()).isEqualTo("cloakroom.cookie.max-age"));
    }

    @Test
    void aBadCookieNameFailsNamingItsProperty() {
        Contexts.runner().withPropertyValues("cloakroom.name=shop sid").run(context ->
                assertThat(Contexts.failure(context).property()).isEqualTo("cloakroom.name"));
    }

    @Test
    void aNegativeTouchAfterFailsNamingItsProperty() {
        Contexts.runner().withPropertyValues("cloakroom.touch-after=-1s").run(context ->
                assertThat(Contexts.failure(context).property()).isEqualTo("cloakroom.touch-after"));
    }

    @Test
    void anUnknownEnumValueFailsInSpringBootsBinding() {
        Contexts.runner().withPropertyValues("cloakroom.unset=forget").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("forget");
            assertThat(context.getStartupFailure()).hasMessageContaining("cloakroom");
        });
    }

    @Test
    void anEmptyAllowedPackageFails() {
        Contexts.runner().withPropertyValues("cloakroom.allowed-packages[0]=com.acme", "cloakroom.allowed-packages[1]= ")
                .run(context -> assertThat(Contexts.failure(context).property()).isEqualTo("cloakroom.allowed-packages"));
    }

    @Test
    void aBase64SecretIsTheKeyBytesItDecodesTo() {
        // A Node app's crypto.randomBytes(32) secret, exported with key.toString('base64').
        Contexts.bare().withPropertyValues("cloakroom.secret=base64:nxwOegD/gDPE0rGl5vcIGapVzDMA7hHdIrtEmXdm/4A=,old-secret")
                .run(context -> assertThat(context.getBean(SessionOptions.class).secretKeys()).containsExactly(
                        HexFormat.of().parseHex("9f1c0e7a00ff8033c4d2b1a5e6f70819aa55cc3300ee11dd22bb44997766ff80"),
                        "old-secret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBase64SecretThatDoesNotDecodeFailsWithoutQuotingIt() {
        Contexts.bare().withPropertyValues("cloakroom.secret=new-secret,base64:not*base64").run(context -> {
            CloakroomConfigurationException e = Contexts.failure(context);
            assertThat(e.property()).isEqualTo("cloakroom.secret");
            assertThat(e.problem()).isEqualTo("secret #2 starts with 'base64:' but the rest is not base64.");
            assertThat(e.getMessage() + e.action()).doesNotContain("not*base64");
        });
    }

    @Test
    void aBase64SecretOfNoBytesFailsNamingTheProperty() {
        Contexts.bare().withPropertyValues("cloakroom.secret=base64:").run(context -> {
            CloakroomConfigurationException e = Contexts.failure(context);
            assertThat(e.property()).isEqualTo("cloakroom.secret");
            assertThat(e.problem()).startsWith("must not be empty");
        });
    }
}
