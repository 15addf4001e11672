/**
 * {@code MongoStore} on the MongoDB sync driver. The driver's jars are automatic modules named by
 * their {@code Automatic-Module-Name} entries, which the driver keeps stable. {@code MongoClient}
 * appears in the builder, hence {@code requires transitive} on the sync driver. This module reads
 * core's {@code dev.cloakroom.internal}, which core exports to it alone.
 */
@SuppressWarnings("requires-transitive-automatic")
module dev.cloakroom.mongodb {
    requires transitive dev.cloakroom.core;
    requires transitive org.mongodb.driver.sync.client;
    requires org.mongodb.driver.core;
    requires org.mongodb.bson;
    requires org.slf4j;

    exports dev.cloakroom.mongodb;
}
