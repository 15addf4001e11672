package dev.cloakroom.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.cloakroom.StoredSession;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The documents on the server are connect-mongo 6's, so a Node app can share the collection. */
class MongoStoreFormatTest {

    private static final String COLLECTION = "format_sessions";
    private static MongoClient admin;
    private MongoCollection<Document> raw;
    private MongoStore store;

    @BeforeAll
    static void connect() {
        admin = MongoClients.create(TestMongo.uri());
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @BeforeEach
    void freshCollection() {
        raw = admin.getDatabase(TestMongo.database()).getCollection(COLLECTION);
        raw.drop();
        store = MongoStore.builder().uri(TestMongo.uri()).collection(COLLECTION).build();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** What express-session 1.19 writes for a cookie that expires at {@code expires} (null: a browser-session cookie). */
    static String expressJson(Instant expires) {
        String when = expires == null ? "null" : "\"" + expires.truncatedTo(ChronoUnit.MILLIS) + "\"";
        return "{\"cookie\":{\"originalMaxAge\":" + (expires == null ? "null" : "3600000") + ",\"expires\":" + when
                + ",\"httpOnly\":true,\"path\":\"/\"},\"user\":\"ada\",\"note\":\"ünïcødé ✓ \\\"quoted\\\"\"}";
    }

    private Document rawDoc(String id) {
        return raw.find(Filters.eq("_id", id)).first();
    }

    @Nested
    class WhenASessionIsSet {

        @Test
        void theDocumentHasExactlyIdSessionAndExpires() {
            Instant expires = Instant.now().plus(Duration.ofHours(1)).plusNanos(123_456);
            String json = expressJson(expires);
            store.set("fmt-1", new StoredSession(json, expires));

            Document doc = rawDoc("fmt-1");
            assertThat(new ArrayList<>(doc.keySet())).containsExactlyInAnyOrder("_id", "session", "expires");
            assertThat(doc.get("_id")).isEqualTo("fmt-1");
            assertThat(doc.get("session")).isEqualTo(json);
            assertThat(doc.get("expires")).isEqualTo(Date.from(expires.truncatedTo(ChronoUnit.MILLIS)));
        }

        @Test
        void aSessionWithoutExpiryIsKeptForFourteenDays() {
            Instant before = Instant.now();
            store.set("fmt-browser", new StoredSession(expressJson(null), null));
            Instant after = Instant.now();

            Instant expires = rawDoc("fmt-browser").getDate("expires").toInstant();
            assertThat(expires).isBetween(before.plus(Duration.ofDays(14)).minusMillis(1), after.plus(Duration.ofDays(14)));
        }

        @Test
        void aSessionWithoutExpiryComesBackWithoutOneSoItsCookieStaysABrowserSessionCookie() {
            store.set("fmt-browser", new StoredSession(expressJson(null), null));
            assertThat(store.get("fmt-browser").orElseThrow().expires()).isNull();
        }

        @Test
        void aSessionThatHasAlreadyExpiredDeletesTheDocumentInsteadOfWritingIt() {
            store.set("fmt-past", new StoredSession(expressJson(null), Instant.now().plus(Duration.ofHours(1))));
            store.set("fmt-past", new StoredSession(expressJson(null), Instant.now().minusSeconds(1)));
            assertThat(rawDoc("fmt-past")).isNull();
        }
    }

    @Nested
    class WhenConnectMongoWroteTheDocument {

        @Test
        void getReturnsItsSessionTextAndExpiry() {
            Instant expires = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
            String json = expressJson(expires);
            raw.insertOne(new Document("_id", "from-node").append("session", json).append("expires", Date.from(expires)));

            StoredSession got = store.get("from-node").orElseThrow();
            assertThat(got.json()).isEqualTo(json);
            assertThat(got.expires()).isEqualTo(expires);
            assertThat(store.ids()).containsExactly("from-node");
        }

        @Test
        void aSessionStoredAsAnObjectRatherThanAStringIsTreatedAsMissing() {
            // connect-mongo's stringify: false; Cloakroom reads only the default, stringified form.
            raw.insertOne(new Document("_id", "object-form").append("session", new Document("cookie", new Document()))
                    .append("expires", Date.from(Instant.now().plus(Duration.ofHours(1)))));
            assertThat(store.get("object-form")).isEmpty();
        }
    }

    @Nested
    class WhenASessionIsTouched {

        @Test
        void onlyExpiresChanges() {
            Instant first = Instant.now().plus(Duration.ofMinutes(5));
            String json = expressJson(first);
            store.set("fmt-touch", new StoredSession(json, first));
            Instant later = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);

            store.touch("fmt-touch", new StoredSession(expressJson(later), later));

            Document doc = rawDoc("fmt-touch");
            assertThat(doc.get("session")).isEqualTo(json);
            assertThat(doc.getDate("expires")).isEqualTo(Date.from(later));
            assertThat(store.get("fmt-touch").orElseThrow().expires()).isEqualTo(later);
        }
    }

    @Nested
    class WhenADocumentHasExpiredButTheTtlMonitorHasNotRemovedIt {

        private final String json = expressJson(Instant.now().minusSeconds(30));

        @BeforeEach
        void insertExpired() {
            raw.insertOne(new Document("_id", "stale").append("session", json)
                    .append("expires", Date.from(Instant.now().minusSeconds(30))));
        }

        @Test
        void noReadReturnsIt() {
            assertThat(store.get("stale")).isEmpty();
            assertThat(store.ids()).isEmpty();
            assertThat(store.all()).isEmpty();
            assertThat(store.length()).isZero();
        }

        @Test
        void neitherACompareAndSetNorATouchRevivesIt() {
            Instant later = Instant.now().plus(Duration.ofHours(1));
            assertThat(store.replace("stale", json, new StoredSession(expressJson(later), later))).isFalse();
            store.touch("stale", new StoredSession(json, later));
            assertThat(store.get("stale")).isEmpty();
        }
    }

    @Nested
    class WhenASessionIsBoundToAUser {

        private String bound(String user, Instant expires) {
            return "{\"cookie\":{\"originalMaxAge\":3600000,\"expires\":\"" + expires.truncatedTo(ChronoUnit.MILLIS)
                    + "\"},\"__cloakroom\":{\"created\":1" + (user == null ? "" : ",\"user\":\"" + user + "\"") + "}}";
        }

        @Test
        void theDocumentCarriesAUserFieldBesideConnectMongosThree() {
            Instant expires = Instant.now().plus(Duration.ofHours(1));
            store.set("fmt-bound", new StoredSession(bound("ada", expires), expires));

            Document doc = rawDoc("fmt-bound");
            assertThat(new ArrayList<>(doc.keySet())).containsExactlyInAnyOrder("_id", "session", "expires", "user");
            assertThat(doc.get("user")).isEqualTo("ada");
        }

        @Test
        void aReplaceWithAnUnboundDocumentRemovesTheField() {
            Instant expires = Instant.now().plus(Duration.ofHours(1));
            store.set("fmt-unbind", new StoredSession(bound("ada", expires), expires));
            assertThat(store.replace("fmt-unbind", store.get("fmt-unbind").orElseThrow().json(),
                    new StoredSession(bound(null, expires), expires))).isTrue();
            assertThat(rawDoc("fmt-unbind")).doesNotContainKey("user");
        }

        /** connect-mongo 6's set() and touch(): updateOne with $set of its own fields, so ours stays. */
        @Test
        void connectMongosSaveAndTouchKeepTheFieldAndTheListing() {
            Instant expires = Instant.now().plus(Duration.ofHours(1));
            store.set("fmt-shared", new StoredSession(bound("ada", expires), expires));
            Instant later = expires.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
            String savedByNode = bound("ada", later).replace("}}", ",\"cart\":[1]}}");

            raw.updateOne(Filters.eq("_id", "fmt-shared"), Updates.set("expires", Date.from(later)));
            raw.updateOne(Filters.eq("_id", "fmt-shared"), Updates.combine(Updates.set("_id", "fmt-shared"),
                    Updates.set("session", savedByNode), Updates.set("expires", Date.from(later))),
                    new com.mongodb.client.model.UpdateOptions().upsert(true));

            assertThat(rawDoc("fmt-shared").get("user")).isEqualTo("ada");
            assertThat(store.sessionsOf("ada")).containsOnlyKeys("fmt-shared");
            assertThat(store.sessionsOf("ada").get("fmt-shared").json()).isEqualTo(savedByNode);
        }

        /** A Node app that rewrote the text to name no one left the field behind; the listing trusts the text. */
        @Test
        void aStaleFieldWhoseTextNamesNoOneIsNotListed() {
            Instant expires = Instant.now().plus(Duration.ofHours(1));
            raw.insertOne(new Document("_id", "fmt-stale").append("session", bound(null, expires))
                    .append("expires", Date.from(expires)).append("user", "ada"));
            assertThat(store.sessionsOf("ada")).isEmpty();
        }

        @Test
        void theUserIndexIsCreatedOnFirstUseEvenWithoutTheTtlIndex() {
            try (MongoStore noTtl = MongoStore.builder().uri(TestMongo.uri()).collection(COLLECTION)
                    .createTtlIndex(false).build()) {
                noTtl.length();
            }
            assertThat(raw.listIndexes().into(new ArrayList<>()))
                    .anyMatch(i -> new Document("user", 1).equals(i.get("key", Document.class)));
        }
    }

    @Nested
    class TheTtlIndex {

        @Test
        void isCreatedOnFirstUseOnExpiresWithExpireAfterSecondsZero() {
            store.length();
            List<Document> indexes = admin.getDatabase(TestMongo.database()).getCollection(COLLECTION).listIndexes()
                    .into(new ArrayList<>());
            assertThat(indexes)
                    .filteredOn(i -> new Document("expires", 1).equals(i.get("key", Document.class)))
                    .singleElement()
                    .satisfies(i -> assertThat(((Number) i.get("expireAfterSeconds")).longValue()).isZero());
        }

        @Test
        void isNotCreatedWhenTurnedOff() {
            try (MongoStore noIndex = MongoStore.builder().uri(TestMongo.uri()).collection(COLLECTION)
                    .createTtlIndex(false).build()) {
                noIndex.set("fmt-no-index", new StoredSession(expressJson(null), null));
            }
            List<Document> indexes = raw.listIndexes().into(new ArrayList<>());
            assertThat(indexes).noneMatch(i -> i.get("key", Document.class).containsKey("expires"));
        }
    }
}
