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
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form login's context, read through core with the starter's attribute types as
 * {@code HttpSession.getAttribute} reads it: left alone it is neither written out nor saved, every
 * change Spring Security's classes allow in place is still saved, and each read gets a copy of
 * its own that equals what Spring Security's deserializers give, field by field.
 */
@ExtendWith(NoSessionIdInLogs.class)
class FormLoginContextsTest {

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
        request(c -> assertThat(FormLoginContexts.fingerprint(c)).as("the context as read back").isNotNull());
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
    void eachReadGetsItsOwnCopyAndAChangeToOneReachesNoOther() {
        SecurityContextImpl[] first = new SecurityContextImpl[1];
        request(c -> first[0] = c);
        request(c -> {
            assertThat(c).isNotSameAs(first[0]).usingRecursiveComparison().isEqualTo(first[0]);
            assertThat(c.getAuthentication()).isNotSameAs(first[0].getAuthentication());
            assertThat(c.getAuthentication().getPrincipal()).isNotSameAs(first[0].getAuthentication().getPrincipal());
            ((UsernamePasswordAuthenticationToken) c.getAuthentication()).eraseCredentials();
            request(meanwhile -> {
                assertThat(meanwhile.getAuthentication().getCredentials()).isEqualTo("secret");
                assertThat(((User) meanwhile.getAuthentication().getPrincipal()).getPassword()).isEqualTo("pw");
            });
        });
        assertThat(stored().getCredentials()).as("the erasing request's save").isNull();
    }

    @Test
    void aCopyEqualsTheContextFieldByField() {
        UsernamePasswordAuthenticationToken unauthenticated = login("ann");
        unauthenticated.setAuthenticated(false);
        User erased = new User("ann", "pw", true, false, true, false, AuthorityUtils.createAuthorityList("ROLE_A", "ROLE_B"));
        erased.eraseCredentials();
        List<SecurityContextImpl> contexts = List.of(new SecurityContextImpl(), new SecurityContextImpl(login("ann")),
                new SecurityContextImpl(unauthenticated),
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(erased, null, erased.getAuthorities())),
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.unauthenticated("ann", "pw")));
        for (SecurityContextImpl context : contexts) {
            SecurityContextImpl copy = FormLoginContexts.copy(context);
            assertThat(copy).as("%s", context).isNotSameAs(context).usingRecursiveComparison().isEqualTo(context);
        }
    }

    @Test
    void aLoggedOutContextHasAFingerprintAndALoginInPlaceChangesIt() {
        SecurityContextImpl context = new SecurityContextImpl();
        Object empty = FormLoginContexts.fingerprint(context);
        assertThat(empty).isNotNull();
        context.setAuthentication(login("ann"));
        assertThat(FormLoginContexts.fingerprint(context)).isNotNull().isNotEqualTo(empty);
    }

    @Test
    void shapesItCannotVouchForGetNoFingerprintAndNoCopy() {
        List<GrantedAuthority> roles = AuthorityUtils.createAuthorityList("ROLE_USER");
        User subclass = new User("ann", "pw", roles) { };
        Collection<GrantedAuthority> own = List.of(() -> "ROLE_OWN");
        UsernamePasswordAuthenticationToken otherDetails = UsernamePasswordAuthenticationToken.authenticated("ann", null, roles);
        otherDetails.setDetails(List.of("mutable"));
        Map<String, Authentication> shapes = Map.of(
                "another token class", new TestingAuthenticationToken("ann", "pw", roles),
                "a User subclass", UsernamePasswordAuthenticationToken.authenticated(subclass, null, roles),
                "another principal", UsernamePasswordAuthenticationToken.authenticated(List.of("ann"), null, roles),
                "an authority class of its own", UsernamePasswordAuthenticationToken.authenticated("ann", null, own),
                "details of another class", otherDetails);
        shapes.forEach((shape, authentication) -> {
            SecurityContextImpl context = new SecurityContextImpl(authentication);
            assertThat(FormLoginContexts.fingerprint(context)).as(shape).isNull();
            assertThat(FormLoginContexts.copy(context)).as(shape).isNull();
        });
    }
}
