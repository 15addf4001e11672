package dev.cloakroom.spring.boot;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.jsontype.TypeIdResolver;
import tools.jackson.databind.jsontype.TypeResolverBuilder;
import tools.jackson.databind.jsontype.TypeSerializer;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default typing Spring Security's modules switch on, with each type's type-id reader made once
 * and kept. Jackson keeps the reader of a property, but builds a root value's afresh on every
 * lookup, and Spring Security's deserializers read a token's principal, details and authorities
 * as root values ({@code readTreeAsValue}): four new readers per read of a logged-in context, each
 * with an empty cache of the classes its type ids name, so every {@code @class} was resolved
 * again. A reader holds only its base type, its id resolver and that cache, all the same for one
 * mapper, which is why one can serve every read. Writing is left as it is.
 */
final class KeptTypeDeserializers implements TypeResolverBuilder<KeptTypeDeserializers> {

    /** More base types than Spring Security's whole model has; beyond it, readers are built per lookup again. */
    private static final int MAX_KEPT = 512;

    private final TypeResolverBuilder<?> typing;
    private final ConcurrentMap<JavaType, Optional<TypeDeserializer>> kept = new ConcurrentHashMap<>();

    KeptTypeDeserializers(TypeResolverBuilder<?> typing) {
        this.typing = typing;
    }

    @Override
    public TypeDeserializer buildTypeDeserializer(DeserializationContext ctxt, JavaType baseType, Collection<NamedType> subtypes) {
        Optional<TypeDeserializer> known = kept.get(baseType);
        if (known != null) {
            return known.orElse(null);
        }
        TypeDeserializer built = typing.buildTypeDeserializer(ctxt, baseType, subtypes);
        if (kept.size() < MAX_KEPT) {
            kept.putIfAbsent(baseType, Optional.ofNullable(built));
        }
        return built;
    }

    @Override
    public TypeSerializer buildTypeSerializer(SerializationContext ctxt, JavaType baseType, Collection<NamedType> subtypes) {
        return typing.buildTypeSerializer(ctxt, baseType, subtypes);
    }

    @Override
    public Class<?> getDefaultImpl() {
        return typing.getDefaultImpl();
    }

    @Override
    public KeptTypeDeserializers init(JsonTypeInfo.Value settings, TypeIdResolver resolver) {
        return new KeptTypeDeserializers(typing.init(settings, resolver));
    }

    @Override
    public KeptTypeDeserializers withDefaultImpl(Class<?> defaultImpl) {
        return new KeptTypeDeserializers(typing.withDefaultImpl(defaultImpl));
    }

    @Override
    public KeptTypeDeserializers withSettings(JsonTypeInfo.Value settings) {
        return new KeptTypeDeserializers(typing.withSettings(settings));
    }
}
