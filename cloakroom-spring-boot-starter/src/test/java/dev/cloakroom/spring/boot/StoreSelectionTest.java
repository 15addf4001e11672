package dev.cloakroom.spring.boot;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;
import dev.cloakroom.jdbc.JdbcStore;
import dev.cloakroom.mongodb.MongoStore;
import dev.cloakroom.redis.RedisStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** cloakroom.store chooses a real store on the application's own connections. */
class StoreSelectionTest {

    private static MongoServer mongo;
    private static String mongoUri;

    @BeforeAll
    static void startMongo() {
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        mongoUri = "mongodb://127.0.0.1:" + address.getPort();
    }

    @AfterAll
    static void stopMongo() {
        mongo.shutdownNow();
    }

    private static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Test
    void memoryTakesItsSettings() {
        Contexts.runner().withPropertyValues("cloakroom.memory.max-sessions=0").run(c ->
                assertThat(Contexts.failure(c).property()).isEqualTo("cloakroom.memory.max-sessions"));
        Contexts.runner().withPropertyValues("cloakroom.memory.max-sessions=10").run(c ->
                assertThat(c.getBean(SessionStore.class)).isInstanceOf(MemoryStore.class));
    }

    @Test
    void jdbcUsesTheApplicationsDataSourceAndCanCreateTheTable() {
        Contexts.runner().withPropertyValues("cloakroom.store=jdbc", "cloakroom.jdbc.create-table=true",
                "cloakroom.jdbc.table=shop_sessions").withBean(DataSource.class, StoreSelectionTest::h2).run(c -> {
                    SessionStore store = c.getBean(SessionStore.class);
                    assertThat(store).isInstanceOf(JdbcStore.class);
                    store.set("abc", new StoredSession("{\"cookie\":{}}", Instant.now().plusSeconds(60)));
                    try (Connection connection = c.getBean(DataSource.class).getConnection();
                         ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM \"shop_sessions\"")) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(1);
                    }
                });
    }

    @Test
    void jdbcWithoutADataSourceFails() {
        Contexts.runner().withPropertyValues("cloakroom.store=jdbc").run(c -> {
            CloakroomConfigurationException e = Contexts.failure(c);
            assertThat(e.property()).isEqualTo("cloakroom.store");
            assertThat(e.action()).contains("spring.datasource.url");
        });
    }

    @Test
    void jdbcWithTwoDataSourcesAsksForAPrimary() {
        Contexts.runner().withPropertyValues("cloakroom.store=jdbc")
                .withBean("one", DataSource.class, StoreSelectionTest::h2)
                .withBean("two", DataSource.class, StoreSelectionTest::h2)
                .run(c -> assertThat(Contexts.failure(c).action()).contains("@Primary"));
    }

    @Test
    void aBadTableNameFailsNamingItsProperty() {
        Contexts.runner().withPropertyValues("cloakroom.store=jdbc", "cloakroom.jdbc.table=drop table;")
                .withBean(DataSource.class, StoreSelectionTest::h2)
                .run(c -> assertThat(Contexts.failure(c).property()).isEqualTo("cloakroom.jdbc.table"));
    }

    @Test
    void redisStartsEvenBeforeRedisIsUp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Contexts.runner().withPropertyValues("cloakroom.store=redis", "spring.data.redis.host=127.0.0.1",
                "spring.data.redis.port=" + port).run(c -> assertThat(c.getBean(SessionStore.class)).isInstanceOf(RedisStore.class));
    }

    @Test
    void anEmptyRedisPrefixFailsNamingItsProperty() {
        Contexts.runner().withPropertyValues("cloakroom.store=redis", "cloakroom.redis.prefix=").run(c ->
                assertThat(Contexts.failure(c).property()).isEqualTo("cloakroom.redis.prefix"));
    }

    @Test
    void aStoreWhoseModuleIsMissingFailsNamingTheDependency() {
        Contexts.runner().withPropertyValues("cloakroom.store=redis")
                .withClassLoader(new FilteredClassLoader("dev.cloakroom.redis.")).run(c -> {
                    CloakroomConfigurationException e = Contexts.failure(c);
                    assertThat(e.property()).isEqualTo("cloakroom.store");
                    assertThat(e.action()).contains("dev.cloakroom:cloakroom-redis");
                });
    }

    @Test
    void mongodbUsesTheApplicationsClientAndSpringBootsDatabase() {
        Contexts.runner().withPropertyValues("cloakroom.store=mongodb", "spring.mongodb.uri=" + mongoUri + "/shop")
                .withBean(MongoClient.class, () -> MongoClients.create(mongoUri)).run(c -> {
                    SessionStore store = c.getBean(SessionStore.class);
                    assertThat(store).isInstanceOf(MongoStore.class);
                    store.set("abc", new StoredSession("{\"cookie\":{}}", Instant.now().plusSeconds(60)));
                    MongoClient client = c.getBean(MongoClient.class);
                    assertThat(client.getDatabase("shop").getCollection("sessions").countDocuments()).isEqualTo(1);
                });
    }

    @Test
    void mongodbDatabaseAndCollectionCanBeNamed() {
        Contexts.runner().withPropertyValues("cloakroom.store=mongodb", "spring.mongodb.database=ignored",
                        "cloakroom.mongodb.database=sessions_db", "cloakroom.mongodb.collection=web")
                .withBean(MongoClient.class, () -> MongoClients.create(mongoUri)).run(c -> {
                    c.getBean(SessionStore.class).set("abc", new StoredSession("{\"cookie\":{}}", Instant.now().plusSeconds(60)));
                    assertThat(c.getBean(MongoClient.class).getDatabase("sessions_db").getCollection("web").countDocuments())
                            .isEqualTo(1);
                });
    }

    @Test
    void mongodbWithoutAClientFails() {
        Contexts.runner().withPropertyValues("cloakroom.store=mongodb").run(c ->
                assertThat(Contexts.failure(c).action()).contains("spring-boot-starter-mongodb"));
    }
}
