package dev.cloakroom.spring.boot;

import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.CacheProvider;
import tools.jackson.databind.cfg.DefaultCacheProvider;
import tools.jackson.databind.util.LookupCache;
import tools.jackson.databind.util.TypeKey;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A mapper's deserializer cache that notes each type it was asked for and did not hold. */
final class CountingCache implements LookupCache<JavaType, ValueDeserializer<Object>> {

    private final LookupCache<JavaType, ValueDeserializer<Object>> cache;
    private final List<JavaType> misses;

    private CountingCache(LookupCache<JavaType, ValueDeserializer<Object>> cache, List<JavaType> misses) {
        this.cache = cache;
        this.misses = misses;
    }

    @Override
    public ValueDeserializer<Object> get(JavaType key) {
        ValueDeserializer<Object> found = cache.get(key);
        if (found == null) {
            misses.add(key);
        }
        return found;
    }

    @Override
    public ValueDeserializer<Object> put(JavaType key, ValueDeserializer<Object> value) {
        return cache.put(key, value);
    }

    @Override
    public ValueDeserializer<Object> putIfAbsent(JavaType key, ValueDeserializer<Object> value) {
        return cache.putIfAbsent(key, value);
    }

    @Override
    public int size() {
        return cache.size();
    }

    @Override
    public void clear() {
        cache.clear();
    }

    @Override
    public LookupCache<JavaType, ValueDeserializer<Object>> emptyCopy() {
        return new CountingCache(cache.emptyCopy(), misses);
    }

    @Override
    public LookupCache<JavaType, ValueDeserializer<Object>> snapshot() {
        return new CountingCache(cache.snapshot(), misses);
    }

    /** Jackson's default caches, with a {@link CountingCache} for deserializers. */
    static final class Provider implements CacheProvider {
        private static final long serialVersionUID = 1L;
        private final CacheProvider defaults = DefaultCacheProvider.defaultInstance();
        private final List<JavaType> misses = new CopyOnWriteArrayList<>();

        /** {@return the types looked up and not found, in order; clear it to start again} */
        List<JavaType> misses() {
            return misses;
        }

        @Override
        public LookupCache<JavaType, ValueDeserializer<Object>> forDeserializerCache(DeserializationConfig config) {
            return new CountingCache(defaults.forDeserializerCache(config), misses);
        }

        @Override
        public LookupCache<TypeKey, ValueSerializer<Object>> forSerializerCache(SerializationConfig config) {
            return defaults.forSerializerCache(config);
        }

        @Override
        public LookupCache<Object, JavaType> forTypeFactory() {
            return defaults.forTypeFactory();
        }
    }
}
