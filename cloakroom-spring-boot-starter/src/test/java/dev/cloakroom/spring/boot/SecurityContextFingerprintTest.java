package dev.cloakroom.spring.boot;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.testkit.DirectExchange;
import dev.cloakroom.testkit.InstrumentedStore;
import dev.cloakroom.testkit.NoSessionIdInLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form login's context, read through core with the starter's attribute types as
 * {@code HttpSession.getAttribute} reads it: left alone it is neither written out nor saved, and
 * every change Spring Security's classes allow in place is still saved.
 */
@ExtendWith(NoSessionIdInLogs.class)
class SecurityContextFingerprintTest {

    private static final String CONTEXT = "SPRING_SECURITY_CONTEXT";

    private MemoryStore memory;
    private InstrumentedStore store;
    private SessionManager manager;
    private String cookie;

    /**
     * A user with a password and a token with credentials, so erasing them is a change, and the web
     * details a form login adds.
     */
    private static UsernamePasswordAuthenticationToken login(String name) {
        User user = new User(name, "pw", AuthorityUtils.createAuthorityList("ROLE_USER"));
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, "secret", user.getAuthorities());
        token.setDetails(new WebAuthenticationDetails("127.0.0.1", null));
        return token;
    }

    @BeforeEach
    void logIn() {
        memory = MemoryStore.builder().build();
        store = new InstrumentedStore(memory);
        SessionOptions.Builder options = SessionOptions.builder().secret("a secret for the fingerprint tests").store(store);
        new TypedValuesConfigurer(List.of("com.example.shop"), List.of(), getClass().getClassLoader()).apply(options);
        manager = new SessionManager(options.build());
        DirectExchange first = DirectExchange.withCookie(null);
        SessionContext login = manager.open(first);
        login.session().set(CONTEXT, new SecurityContextImpl(login("ann")));
        login.commit();
        cookie = first.cookieToSendBack();
    }

    @AfterEach
    void close() {
        memory.close();
    }

    /** One request that reads the context untyped and hands it to {@code handler}. */
    private void request(Consumer<SecurityContextImpl> handler) {
        SessionContext context = manager.open(DirectExchange.withCookie(cookie));
        handler.accept((SecurityContextImpl) context.session().get(CONTEXT).orElseThrow());
        context.commit();
    }

    private Authentication stored() {
        Authentication[] authentication = new Authentication[1];
        request(c -> authentication[0] = c.getAuthentication());
        return authentication[0];
    }

    @Test
    void aFormLoginHasAFingerprintAndAReadThatLeavesItAloneSavesNothing() {
        int sets = store.sets();
        request(c -> assertThat(SecurityContextFingerprint.of(c)).as("the context as read back").isNotNull());
        assertThat(store.sets()).isEqualTo(sets);
    }

    @Test
    void aNewAuthenticationSetInPlaceIsSaved() {
        request(c -> c.setAuthentication(login("bob")));
        assertThat(stored().getName()).isEqualTo("bob");
    }

    @Test
    void erasedCredentialsAreSaved() {
        request(c -> ((UsernamePasswordAuthenticationToken) c.getAuthentication()).eraseCredentials());
        Authentication after = stored();
        assertThat(after.getCredentials()).isNull();
        assertThat(((User) after.getPrincipal()).getPassword()).isNull();
    }

    @Test
    void aTokenMarkedUnauthenticatedIsSaved() {
        request(c -> c.getAuthentication().setAuthenticated(false));
        assertThat(stored().isAuthenticated()).isFalse();
    }

    @Test
    void detailsSetInPlaceAreSaved() {
        request(c -> ((UsernamePasswordAuthenticationToken) c.getAuthentication()).setDetails("from the test"));
        assertThat(stored().getDetails()).isEqualTo("from the test");
    }

    @Test
    void aLoggedOutContextHasAFingerprintAndALoginInPlaceChangesIt() {
        SecurityContextImpl context = new SecurityContextImpl();
        Object empty = SecurityContextFingerprint.of(context);
        assertThat(empty).isNotNull();
        context.setAuthentication(login("ann"));
        assertThat(SecurityContextFingerprint.of(context)).isNotNull().isNotEqualTo(empty);
    }

    @Test
    void shapesItCannotVouchForGetNoFingerprint() {
        List<GrantedAuthority> roles = AuthorityUtils.createAuthorityList("ROLE_USER");
        assertThat(SecurityContextFingerprint.of(new SecurityContextImpl(new TestingAuthenticationToken("ann", "pw", roles))))
                .as("another token class").isNull();
        User subclass = new User("ann", "pw", roles) { };
        assertThat(SecurityContextFingerprint.of(new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(subclass, null, roles)))).as("a User subclass").isNull();
        assertThat(SecurityContextFingerprint.of(new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(List.of("ann"), null, roles)))).as("another principal").isNull();
        Collection<GrantedAuthority> own = List.of(() -> "ROLE_OWN");
        assertThat(SecurityContextFingerprint.of(new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated("ann", null, own)))).as("an authority class of its own").isNull();
    }
}
