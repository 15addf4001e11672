package dev.cloakroom.compare.spring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security's defaults: form login (its own login page, CSRF tokens in the session, a new
 * session id at login), every route but {@code /health} behind it. The one user's password is
 * stored as {@code {noop}}: logins happen only while the harness sets its sessions up, and load is
 * measured on requests that are already logged in.
 */
@Configuration
public class SecurityConfig {

    /** For Spring, which makes the instance. */
    public SecurityConfig() {
    }

    /**
     * The filter chain.
     *
     * @param http Spring Security's builder
     * @return the chain
     * @throws Exception as {@link HttpSecurity#build()} may
     */
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/health").permitAll().anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    /**
     * The one user, {@code bench}.
     *
     * @param password its password, from {@code compare.password}
     * @return the user store
     */
    @Bean
    InMemoryUserDetailsManager users(@Value("${compare.password}") String password) {
        return new InMemoryUserDetailsManager(User.withUsername("bench").password("{noop}" + password).roles("USER").build());
    }
}
