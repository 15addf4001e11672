package dev.cloakroom.spring.boot;

import tools.jackson.core.JsonParser;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.JavaUtilCollectionsDeserializers;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.jsontype.TypeResolverBuilder;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.util.AccessPattern;
import tools.jackson.databind.util.ClassUtil;

import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * Keeps the deserializers that Jackson would otherwise build again on every read of a
 * {@code SecurityContext}. Spring Security's token and user deserializers read their principal and
 * authorities with {@code ctxt.readTreeAsValue}, a root-value lookup that goes to the mapper's
 * deserializer cache each time; its own deserializers ({@code @JsonDeserialize(using = ...)} on its
 * mix-ins) and collections of its polymorphic authorities are not cachable, so each lookup built
 * them afresh, under a lock every thread shares: seven builds per read of a logged-in context.
 * This module marks exactly those as cachable, and keeps type-id readers too ({@link KeptTypeDeserializers}).
 * It changes what is kept, not what is read or written.
 */
final class KeptSecurityDeserializers extends JacksonModule {

    private static final String SECURITY = TypedValuesConfigurer.SECURITY_PACKAGE + ".";

    @Override
    public String getModuleName() {
        return "cloakroom-kept-security-deserializers";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.insertAnnotationIntrospector(new StatelessOwnDeserializers());
        context.addDeserializerModifier(new SecurityCollections());
        context.addDeserializers(new UnmodifiableSecurityCollections());
        // Registered after Spring Security's modules, so their default typing is set by now.
        MapperBuilder<?, ?> owner = (MapperBuilder<?, ?>) context.getOwner();
        TypeResolverBuilder<?> typing = owner.baseSettings().getDefaultTyper();
        if (typing != null) {
            owner.setDefaultTyping(new KeptTypeDeserializers(typing));
        }
    }

    private static boolean isSecurityType(Class<?> type) {
        return type.getName().startsWith(SECURITY);
    }

    /**
     * Spring Security's own deserializer for one of its classes, named by its mix-in, made once and
     * kept: only one without instance fields, which cannot carry anything from one read to the next.
     */
    private static final class StatelessOwnDeserializers extends NopAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public Version version() {
            return Version.unknownVersion();
        }

        @Override
        public Object findDeserializer(MapperConfig<?> config, Annotated a) {
            if (!(a instanceof AnnotatedClass) || !isSecurityType(a.getRawType())) {
                return null;
            }
            JsonDeserialize annotation = a.getAnnotation(JsonDeserialize.class);
            if (annotation == null || annotation.using() == ValueDeserializer.None.class
                    || !isSecurityType(annotation.using()) || !stateless(annotation.using())) {
                return null; // the introspector after this one decides, as without this module
            }
            ValueDeserializer<?> own = ClassUtil.createInstance(annotation.using(), config.canOverrideAccessModifiers());
            return own.isCachable() ? own : new Kept(own, config.constructType(a.getRawType()));
        }

        private static boolean stateless(Class<?> type) {
            return Arrays.stream(type.getDeclaredFields()).allMatch(f -> Modifier.isStatic(f.getModifiers()));
        }
    }

    /**
     * A collection of Spring Security's types, such as its authorities: Jackson does not cache one
     * whose elements carry type ids, as a property's annotations could change how they are read.
     * Those cases never reach the cache (Jackson looks such a type up afresh), so the plain one can be kept.
     */
    private static final class SecurityCollections extends ValueDeserializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                BeanDescription.Supplier beanDescRef, ValueDeserializer<?> deserializer) {
            return isSecurityType(type.getContentType().getRawClass()) && !deserializer.isCachable()
                    ? new Kept(deserializer, type) : deserializer;
        }
    }

    /**
     * {@code Collections.unmodifiableList} and its kin holding Spring Security's types, as its
     * tokens and users keep their authorities: Jackson builds these apart from other collections,
     * past {@link SecurityCollections}, so they are looked up here first and kept the same way.
     */
    private static final class UnmodifiableSecurityCollections extends Deserializers.Base {

        @Override
        public ValueDeserializer<?> findCollectionDeserializer(CollectionType type, DeserializationConfig config,
                BeanDescription.Supplier beanDescRef, TypeDeserializer elementTypeDeserializer,
                ValueDeserializer<?> elementDeserializer) {
            if (!type.getRawClass().getName().startsWith("java.util.Collections$")
                    || !isSecurityType(type.getContentType().getRawClass())) {
                return null;
            }
            // Jackson's own deserializer for these; it reads only the type, not the context.
            ValueDeserializer<?> own = JavaUtilCollectionsDeserializers.findForCollection(null, type);
            return own == null ? null : new Kept(own, type);
        }

        @Override
        public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
            return false;
        }
    }

    /**
     * {@code delegatee}, said to be cachable; everything else is the delegatee's. Not Jackson's
     * {@code DelegatingDeserializer}, which needs the delegatee to name its type and Spring
     * Security's own deserializers do not.
     */
    static final class Kept extends ValueDeserializer<Object> {
        private final ValueDeserializer<Object> delegatee;
        private final JavaType type;

        @SuppressWarnings("unchecked")
        Kept(ValueDeserializer<?> delegatee, JavaType type) {
            this.delegatee = (ValueDeserializer<Object>) delegatee;
            this.type = type;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public void resolve(DeserializationContext ctxt) {
            delegatee.resolve(ctxt);
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            ValueDeserializer<?> contextual = ctxt.handleSecondaryContextualization(delegatee, property, type);
            return contextual == delegatee ? this : new Kept(contextual, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            return delegatee.deserialize(p, ctxt);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) {
            return delegatee.deserialize(p, ctxt, intoValue);
        }

        @Override
        public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer) {
            return delegatee.deserializeWithType(p, ctxt, typeDeserializer);
        }

        @Override
        public Class<?> handledType() {
            return type.getRawClass();
        }

        @Override
        public LogicalType logicalType() {
            return delegatee.logicalType();
        }

        @Override
        public ValueDeserializer<?> getDelegatee() {
            return delegatee;
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            return delegatee.getNullValue(ctxt);
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return delegatee.getNullAccessPattern();
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return delegatee.getEmptyValue(ctxt);
        }

        @Override
        public Boolean supportsUpdate(DeserializationConfig config) {
            return delegatee.supportsUpdate(config);
        }
    }
}
