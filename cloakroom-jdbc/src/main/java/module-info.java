/** {@code JdbcStore}: sessions in a SQL table, over the application's {@code DataSource}. */
module dev.cloakroom.jdbc {
    requires transitive dev.cloakroom.core;
    requires transitive java.sql;
    requires org.slf4j;

    exports dev.cloakroom.jdbc;
}
