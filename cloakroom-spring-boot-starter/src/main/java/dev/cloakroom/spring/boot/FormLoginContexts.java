package dev.cloakroom.spring.boot;

import dev.cloakroom.AttributeTypes;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;

import java.util.Collection;

/**
 * The {@linkplain AttributeTypes.Builder#fingerprint fingerprint} and the
 * {@linkplain AttributeTypes.Builder#copier copier} of a form login's {@code SecurityContextImpl},
 * which Spring Security reads from the session on every request: a request that leaves it alone
 * does not write it out again to find that out, and a read of a stored version read before copies
 * it instead of running Spring Security's deserializers.
 *
 * <p>Both vouch only for the shape a username and password login stores, each class exact: a
 * {@code UsernamePasswordAuthenticationToken} whose principal is a {@code User} or a string, with
 * string or no credentials, Spring Security's web details or none, and simple or factor
 * authorities. Those classes keep their authorities in unmodifiable collections of immutable
 * elements, and strings and web details are immutable, so what can change in place is the
 * context's authentication, the token's details, credentials and authenticated flag, and the
 * user's password ({@code eraseCredentials}). The fingerprint holds those, compared by identity;
 * the copy is a new context, token and user, sharing the immutable rest. Any other shape gets
 * neither, and is read and compared in full.
 */
final class FormLoginContexts {

    private static final String WEB_DETAILS = "org.springframework.security.web.authentication.WebAuthenticationDetails";

    private FormLoginContexts() {
    }

    static void register(AttributeTypes.Builder types) {
        types.fingerprint(SecurityContextImpl.class, FormLoginContexts::fingerprint);
        types.copier(SecurityContextImpl.class, FormLoginContexts::copy);
    }

    /** {@return the parts of {@code context} that can change in place, or null for a shape not vouched for} */
    static Object fingerprint(SecurityContextImpl context) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null) {
            return Parts.EMPTY;
        }
        if (!vouchedFor(authentication)) {
            return null;
        }
        Object password = authentication.getPrincipal() instanceof User user ? user.getPassword() : null;
        return new Parts(authentication, authentication.isAuthenticated(), authentication.getDetails(),
                authentication.getCredentials(), password);
    }

    /** {@return a context equal to {@code context} that shares nothing mutable with it, or null for a shape not vouched for} */
    static SecurityContextImpl copy(SecurityContextImpl context) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null) {
            return new SecurityContextImpl();
        }
        if (!vouchedFor(authentication)) {
            return null;
        }
        Object principal = authentication.getPrincipal() instanceof User user ? copy(user) : authentication.getPrincipal();
        // This constructor marks the token authenticated; only setAuthenticated(false) is allowed after it.
        UsernamePasswordAuthenticationToken token = new UsernamePasswordAuthenticationToken(
                principal, authentication.getCredentials(), authentication.getAuthorities());
        if (!authentication.isAuthenticated()) {
            token.setAuthenticated(false);
        }
        token.setDetails(authentication.getDetails());
        return new SecurityContextImpl(token);
    }

    private static User copy(User user) {
        String password = user.getPassword();
        User copy = new User(user.getUsername(), password == null ? "" : password, user.isEnabled(),
                user.isAccountNonExpired(), user.isCredentialsNonExpired(), user.isAccountNonLocked(), user.getAuthorities());
        if (password == null) {
            copy.eraseCredentials();
        }
        return copy;
    }

    private static boolean vouchedFor(Authentication authentication) {
        if (authentication.getClass() != UsernamePasswordAuthenticationToken.class) {
            return false;
        }
        Object principal = authentication.getPrincipal();
        Object credentials = authentication.getCredentials();
        Object details = authentication.getDetails();
        boolean principalKnown = principal instanceof String
                || (principal != null && principal.getClass() == User.class && immutable(((User) principal).getAuthorities()));
        return principalKnown
                && (credentials == null || credentials.getClass() == String.class)
                && (details == null || details.getClass().getName().equals(WEB_DETAILS))
                && immutable(authentication.getAuthorities());
    }

    private static boolean immutable(Collection<? extends GrantedAuthority> authorities) {
        for (GrantedAuthority a : authorities) {
            if (a.getClass() != SimpleGrantedAuthority.class && a.getClass() != FactorGrantedAuthority.class) {
                return false;
            }
        }
        return true;
    }

    /** The parts that can change in place; equal when each is the same object (the flag, the same value). */
    private record Parts(Object authentication, boolean authenticated, Object details, Object credentials, Object password) {
        static final Parts EMPTY = new Parts(null, false, null, null, null);

        @Override
        public boolean equals(Object o) {
            return o instanceof Parts p && p.authentication == authentication && p.authenticated == authenticated
                    && p.details == details && p.credentials == credentials && p.password == password;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(authentication);
        }
    }
}
