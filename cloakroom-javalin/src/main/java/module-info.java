/**
 * Cloakroom for Javalin 7: {@code dev.cloakroom.javalin.Cloakroom}, the plugin, and the
 * request's session. Javalin's and core's types appear in this module's API, so both are read by
 * whoever reads this module.
 */
module dev.cloakroom.javalin {
    requires transitive dev.cloakroom.core;
    requires transitive io.javalin;
    requires org.slf4j;

    exports dev.cloakroom.javalin;
}
