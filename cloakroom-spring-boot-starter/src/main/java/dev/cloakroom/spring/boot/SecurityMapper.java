package dev.cloakroom.spring.boot;

import org.springframework.security.jackson.SecurityJacksonModules;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import java.util.List;

/**
 * The Jackson 3 mapper for Spring Security's types ({@code SecurityContextImpl}, its
 * authentication tokens, saved requests, CSRF tokens). Spring Security's modules switch on
 * default typing for non-final types, with an allow-list of their own; that is right for its
 * types and wrong for anyone else's, so this mapper is used for nothing else. One mapper serves
 * every request, with {@link KeptSecurityDeserializers}, so that reading a context back reuses
 * the deserializers the first read built.
 */
final class SecurityMapper {

    private SecurityMapper() {
    }

    /** Spring Security's modules; their class-name allow-list also admits {@code packages}, for an application's own principal type. */
    static JsonMapper create(ClassLoader classLoader, List<String> packages) {
        BasicPolymorphicTypeValidator.Builder allowed = BasicPolymorphicTypeValidator.builder();
        for (String p : packages) {
            allowed.allowIfSubType(p.endsWith(".") ? p : p + ".");
        }
        return JsonMapper.builder().addModules(SecurityJacksonModules.getModules(classLoader, allowed))
                .addModule(new KeptSecurityDeserializers()).build();
    }
}
