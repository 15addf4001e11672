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
 * The {@linkplain AttributeTypes.Builder#fingerprint fingerprint} of a form login's
 * {@code SecurityContextImpl}, which Spring Security reads from the session on every request, so
 * that a request that leaves it alone does not write it out again to find that out.
 *
 * <p>It vouches only for the shape a username and password login stores, each class exact: a
 * {@code UsernamePasswordAuthenticationToken} whose principal is a {@code User} or a string, with
 * string or no credentials, Spring Security's web details or none, and simple or factor
 * authorities. Those classes keep their authorities in unmodifiable collections of immutable
 * elements, so what can change in place is the context's authentication, the token's details,
 * credentials and authenticated flag, and the user's password ({@code eraseCredentials}); the
 * fingerprint holds those, compared by identity. Any other shape gets no fingerprint and is
 * compared in full.
 */
final class SecurityContextFingerprint {

    private static final String WEB_DETAILS = "org.springframework.security.web.authentication.WebAuthenticationDetails";

    private SecurityContextFingerprint() {
    }

    static void register(AttributeTypes.Builder types) {
        types.fingerprint(SecurityContextImpl.class, SecurityContextFingerprint::of);
    }

    /** {@return the parts of {@code context} that can change in place, or null for a shape not vouched for} */
    static Object of(SecurityContextImpl context) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null) {
            return Parts.EMPTY;
        }
        if (authentication.getClass() != UsernamePasswordAuthenticationToken.class) {
            return null;
        }
        Object principal = authentication.getPrincipal();
        Object credentials = authentication.getCredentials();
        Object details = authentication.getDetails();
        Object password;
        if (principal instanceof String) {
            password = null;
        } else if (principal != null && principal.getClass() == User.class) {
            User user = (User) principal;
            if (!immutable(user.getAuthorities())) {
                return null;
            }
            password = user.getPassword();
        } else {
            return null;
        }
        if ((credentials != null && credentials.getClass() != String.class)
                || (details != null && !details.getClass().getName().equals(WEB_DETAILS))
                || !immutable(authentication.getAuthorities())) {
            return null;
        }
        return new Parts(authentication, authentication.isAuthenticated(), details, credentials, password);
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
