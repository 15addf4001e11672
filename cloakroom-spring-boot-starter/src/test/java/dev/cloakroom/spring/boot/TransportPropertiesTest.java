package dev.cloakroom.spring.boot;

import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionTransport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cloakroom.transport} and {@code cloakroom.transport-header}, and the cookie-name rules as the starter reports them. */
class TransportPropertiesTest {

    @Test
    void theCookieUnlessSet() {
        Contexts.runner().run(context ->
                assertThat(context.getBean(SessionOptions.class).transport()).isEqualTo(SessionTransport.cookie()));
    }

    @Test
    void aNamedHeader() {
        Contexts.runner().withPropertyValues("cloakroom.transport=header", "cloakroom.transport-header=X-Session-Id")
                .run(context -> assertThat(context.getBean(SessionOptions.class).transport())
                        .isEqualTo(SessionTransport.header("X-Session-Id")));
    }

    @Test
    void bearerIssuesInSessionTokenUnlessTheHeaderIsSet() {
        Contexts.runner().withPropertyValues("cloakroom.transport=bearer").run(context ->
                assertThat(context.getBean(SessionOptions.class).transport()).isEqualTo(SessionTransport.bearer()));
        Contexts.runner().withPropertyValues("cloakroom.transport=bearer", "cloakroom.transport-header=X-Token").run(context ->
                assertThat(context.getBean(SessionOptions.class).transport()).isEqualTo(SessionTransport.bearer("X-Token")));
    }

    @Test
    void headerWithoutItsNameFailsNamingTheProperty() {
        Contexts.runner().withPropertyValues("cloakroom.transport=header").run(context -> {
            CloakroomConfigurationException e = Contexts.failure(context);
            assertThat(e.property()).isEqualTo("cloakroom.transport-header");
            assertThat(e.action()).contains("X-Session-Id");
        });
    }

    @Test
    void aHeaderNameHttpAlreadyUsesFailsNamingTheProperty() {
        Contexts.runner().withPropertyValues("cloakroom.transport=header", "cloakroom.transport-header=Cookie").run(context -> {
            CloakroomConfigurationException e = Contexts.failure(context);
            assertThat(e.property()).isEqualTo("cloakroom.transport-header");
            assertThat(e.problem()).contains("which HTTP already uses");
        });
    }

    @Test
    void cookieSettingsWithHeaderTransportFailNamingTransport() {
        Contexts.runner().withPropertyValues("cloakroom.transport=bearer", "cloakroom.cookie.same-site=strict").run(context -> {
            CloakroomConfigurationException e = Contexts.failure(context);
            assertThat(e.property()).isEqualTo("cloakroom.transport");
            assertThat(e.problem()).contains("sends no cookie");
        });
    }

    @Test
    void aHostPrefixedNameWithoutSecureFailsNamingTheNameProperty() {
        Contexts.runner().withPropertyValues("cloakroom.name=__Host-sid").run(context -> {
            CloakroomConfigurationException e = Contexts.failure(context);
            assertThat(e.property()).isEqualTo("cloakroom.name");
            assertThat(e.problem()).contains("starts with __Host-, which browsers accept only with Secure");
        });
    }
}
