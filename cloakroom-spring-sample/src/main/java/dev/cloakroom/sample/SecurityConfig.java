package dev.cloakroom.sample;

import dev.cloakroom.servlet.CloakroomFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Everything needs a login, the error page included. Spring Security's defaults otherwise: its
 * login and logout pages, CSRF tokens in the session, a new session id at login. A form login
 * also binds the session to the user, so {@link ShopController#signOutOthers} can end the user's
 * other sessions.
 */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityFilterChain security(HttpSecurity http, UserDetailsService users,
                                 @Value("${shop.remember-me-key}") String rememberMeKey) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .formLogin(form -> form.successHandler(bindingTheUser(new SavedRequestAwareAuthenticationSuccessHandler())))
                .rememberMe(remember -> remember.key(rememberMeKey).userDetailsService(users))
                .logout(Customizer.withDefaults());
        return http.build();
    }

    /**
     * Binds the session, already under its new id, to the user who logged in, then goes on as
     * {@code next} does (back to the page that asked for the login). A remember-me login is not
     * bound: Spring Security's remember-me filter stops the request when given a success handler.
     */
    private static AuthenticationSuccessHandler bindingTheUser(AuthenticationSuccessHandler next) {
        return (request, response, authentication) -> {
            CloakroomFilter.session(request).bindUser(authentication.getName());
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** Publishes session events as Spring application events, for {@link SessionAudit}. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Two customers; their passwords come from configuration ({@code shop.users.*}). */
    @Bean
    InMemoryUserDetailsManager users(PasswordEncoder encoder, @Value("${shop.users.alice}") String alice,
                                     @Value("${shop.users.bob}") String bob) {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password(encoder.encode(alice)).roles("CUSTOMER").build(),
                User.withUsername("bob").password(encoder.encode(bob)).roles("CUSTOMER").build());
    }
}
