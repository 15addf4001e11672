package dev.cloakroom.spring.boot;

import org.springframework.security.jackson.SecurityJacksonModules;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Jackson 3 mapper for Spring Security's types ({@code SecurityContextImpl}, its
 * authentication tokens, saved requests, CSRF tokens). Spring Security's modules switch on
 * default typing for non-final types, with an allow-list of their own; that is right for its
 * types and wrong for anyone else's, so this mapper is used for nothing else.
 */
final class SecurityMapper {

    private SecurityMapper() {
    }

    static JsonMapper create(ClassLoader classLoader) {
        return JsonMapper.builder().addModules(SecurityJacksonModules.getModules(classLoader)).build();
    }
}
