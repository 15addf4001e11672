package dev.cloakroom.micrometer;

import java.util.Map;

/** The description each counter is registered with. */
final class Descriptions {

    private static final Map<String, String> TEXT = Map.of(
            "cloakroom.sessions.created", "New sessions stored for the first time",
            "cloakroom.sessions.regenerated", "Stored sessions given a new id",
            "cloakroom.sessions.destroyed", "Sessions the application removed",
            "cloakroom.sessions.expired", "Sessions seen to expire, by how it was detected",
            "cloakroom.sessions.revoked", "Sessions ended by revoking a user's sessions",
            "cloakroom.store.conflicts", "Compare-and-set saves that lost to a concurrent write",
            "cloakroom.store.retries", "Compare-and-set saves tried again after a conflict",
            "cloakroom.store.unavailable", "Requests answered 503 because the session store failed");

    private Descriptions() {
    }

    static String of(String name) {
        return TEXT.get(name);
    }
}
