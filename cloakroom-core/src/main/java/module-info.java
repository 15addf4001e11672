/**
 * Cloakroom core: options, {@code Session}, the request lifecycle, cookie signing, the store SPI and
 * {@code MemoryStore}. {@code dev.cloakroom} is the public API; {@code dev.cloakroom.internal} is
 * exported only to Cloakroom's own modules and may change in any release.
 */
module dev.cloakroom.core {
    requires transitive tools.jackson.databind;
    requires org.slf4j;
    requires com.github.benmanes.caffeine;

    exports dev.cloakroom;
    exports dev.cloakroom.internal to dev.cloakroom.mongodb, dev.cloakroom.jdbc;
}
