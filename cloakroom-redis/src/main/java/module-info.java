/**
 * {@code RedisStore} on Lettuce. Lettuce is an automatic module, named {@code lettuce.core} by its
 * {@code Automatic-Module-Name}, a name Lettuce keeps from release to release. Its clients appear in
 * the builder ({@code client}, {@code clusterClient}), hence {@code requires transitive}.
 */
@SuppressWarnings("requires-transitive-automatic")
module dev.cloakroom.redis {
    requires transitive dev.cloakroom.core;
    requires transitive lettuce.core;
    requires org.slf4j;

    exports dev.cloakroom.redis;
}
