/**
 * {@link dev.cloakroom.jdbc.JdbcStore}, Cloakroom's store on a {@code DataSource} the application
 * owns, for the databases {@link dev.cloakroom.jdbc.JdbcDialect} names: PostgreSQL (connect-pg-simple's
 * table, so an Express app can share it), MySQL, MariaDB, H2 and SQLite.
 *
 * <p>Saves are a conditional {@code UPDATE}; a daemon task prunes expired rows. The SQL of each dialect
 * and the failure messages are package-private. {@link dev.cloakroom.jdbc.RetryingDataSource} goes
 * under the application's pool so that it reconnects promptly after an outage.
 */
package dev.cloakroom.jdbc;
