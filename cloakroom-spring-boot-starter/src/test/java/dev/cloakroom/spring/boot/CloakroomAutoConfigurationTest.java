package dev.cloakroom.spring.boot;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSessions;
import dev.cloakroom.servlet.CloakroomFilter;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CloakroomAutoConfigurationTest {

    @Test
    void registersTheFilterForEveryPathAndDispatchAheadOfSpringSecurity() {
        Contexts.runner().run(context -> {
            FilterRegistrationBean<?> registration = context.getBean("cloakroomFilterRegistration", FilterRegistrationBean.class);
            assertThat(registration.getFilter()).isInstanceOf(CloakroomFilter.class);
            assertThat(registration.getUrlPatterns()).containsExactly("/*");
            assertThat(registration.getOrder()).isEqualTo(Integer.MIN_VALUE + 50)
                    .as("Spring Security's filter chain runs at -100").isLessThan(-100);
            assertThat(registration.determineDispatcherTypes()).isEqualTo(EnumSet.of(DispatcherType.REQUEST,
                    DispatcherType.ASYNC, DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.INCLUDE));
        });
    }

    @Test
    void offersTheFiltersUserSessionsWhichRevokeInTheSessionStore() {
        Contexts.runner().run(context -> {
            UserSessions users = context.getBean(UserSessions.class);
            FilterRegistrationBean<?> registration = context.getBean("cloakroomFilterRegistration", FilterRegistrationBean.class);
            assertThat(users).isSameAs(((CloakroomFilter) registration.getFilter()).users());

            SessionStore store = context.getBean(SessionStore.class);
            Instant later = Instant.now().plus(1, ChronoUnit.HOURS);
            store.set("ann-laptop-session-id-0123456789", new StoredSession(bound("ann"), later));
            store.set("ann-phone-session-id-01234567890", new StoredSession(bound("ann"), later));
            store.set("bob-laptop-session-id-0123456789", new StoredSession(bound("bob"), later));

            assertThat(users.list("ann")).hasSize(2);
            assertThat(users.revokeAll("ann")).isEqualTo(2);
            assertThat(store.get("ann-laptop-session-id-0123456789")).isEmpty();
            assertThat(store.get("ann-phone-session-id-01234567890")).isEmpty();
            assertThat(store.get("bob-laptop-session-id-0123456789")).isPresent();
        });
    }

    @Test
    void anApplicationUserSessionsBeanWins() {
        Contexts.runner().withUserConfiguration(OwnUserSessions.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(UserSessions.class);
            FilterRegistrationBean<?> registration = context.getBean("cloakroomFilterRegistration", FilterRegistrationBean.class);
            assertThat(context.getBean(UserSessions.class)).isNotSameAs(((CloakroomFilter) registration.getFilter()).users());
        });
    }

    /** A second manager's user sessions, standing in for an application's own bean. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class OwnUserSessions {
        @org.springframework.context.annotation.Bean
        UserSessions ownUserSessions() {
            return new dev.cloakroom.SessionManager(SessionOptions.builder().secret("own-secret").build()).users();
        }
    }

    /** A stored session document bound to {@code user}, as {@code Session.bindUser} leaves it. */
    private static String bound(String user) {
        return "{\"cookie\":{\"originalMaxAge\":3600000,\"expires\":null,\"path\":\"/\"},\"__cloakroom\":{\"user\":\"" + user + "\"}}";
    }

    @Test
    void doesNothingOutsideAServletWebApplication() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CloakroomAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SessionOptions.class)
                        .doesNotHaveBean("cloakroomFilterRegistration"));
    }

    @Test
    void withoutASecretStartupFailsNamingTheProperty() {
        Contexts.bare().run(context -> {
            CloakroomConfigurationException e = Contexts.failure(context);
            assertThat(e.property()).isEqualTo("cloakroom.secret");
            assertThat(e.action()).contains("cloakroom.secret");
        });
    }

    @Test
    void aBlankSecretIsNoSecret() {
        Contexts.bare().withPropertyValues("cloakroom.secret= ").run(context ->
                assertThat(Contexts.failure(context).property()).isEqualTo("cloakroom.secret"));
    }

    /** The application's JSON mapper (Boot's, shaped by spring.jackson.*) is for HTTP bodies, not for what is stored. */
    @Test
    void theApplicationsJsonMapperIsNotTheSessionsMapper() {
        tools.jackson.databind.json.JsonMapper bodies = tools.jackson.databind.json.JsonMapper.builder()
                .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE).build();
        Contexts.runner().withBean(tools.jackson.databind.json.JsonMapper.class, () -> bodies).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SessionOptions.class).objectMapper()).as("core's own mapper").isNull();
        });
    }

    @Test
    void theDefaultStoreIsMemoryAndTheOptionsUseIt() {
        Contexts.runner().run(context -> {
            assertThat(context.getBean(SessionStore.class)).isInstanceOf(MemoryStore.class);
            assertThat(context.getBean(SessionOptions.class).store()).isSameAs(context.getBean(SessionStore.class));
        });
    }

    @Test
    void anApplicationStoreBeanWins() {
        SessionStore own = new SessionStore() {
            @Override
            public Optional<StoredSession> get(String id) {
                return Optional.empty();
            }

            @Override
            public void set(String id, StoredSession session) {
            }

            @Override
            public void destroy(String id) {
            }
        };
        Contexts.runner().withPropertyValues("cloakroom.store=redis").withBean(SessionStore.class, () -> own).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SessionOptions.class).store()).isSameAs(own);
        });
    }

    @Test
    void anApplicationOptionsBeanWinsEntirely() {
        SessionOptions own = SessionOptions.builder().secret("own-secret").name("own.sid").build();
        Contexts.bare().withPropertyValues("cloakroom.name=ignored.sid", "cloakroom.store=jdbc")
                .withBean(SessionOptions.class, () -> own).run(context -> {
                    assertThat(context).hasNotFailed().as("the options carry their own store").doesNotHaveBean(SessionStore.class);
                    assertThat(context.getBean(SessionOptions.class)).isSameAs(own);
                    assertThat(context).hasBean("cloakroomFilterRegistration");
                });
    }

    @Test
    void customizersRunAfterThePropertiesInOrder() {
        Contexts.runner().withPropertyValues("cloakroom.name=from.properties")
                .withBean("first", CloakroomOptionsCustomizer.class, () -> b -> b.rolling(true))
                .withBean("second", CloakroomOptionsCustomizer.class, () -> b -> b.name("from.customizer"))
                .run(context -> {
                    SessionOptions options = context.getBean(SessionOptions.class);
                    assertThat(options.rolling()).isTrue();
                    assertThat(options.name()).isEqualTo("from.customizer");
                });
    }

    @Test
    void aCustomizerThatBreaksTheOptionsStillFailsAtStartup() {
        Contexts.runner().withBean(CloakroomOptionsCustomizer.class, () -> b -> b.name("bad name"))
                .run(context -> assertThat(Contexts.failure(context).getMessage())
                        .contains("cloakroom.name").contains("CloakroomOptionsCustomizer"));
    }
}
