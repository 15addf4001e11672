package dev.cloakroom.mongodb;

import com.mongodb.MongoServerException;
import dev.cloakroom.SessionStoreException;

/** Turns driver failures into {@link SessionStoreException}s that never carry a session id. */
final class StoreFailures {

    private StoreFailures() {
    }

    /**
     * A server error's message can quote the document it refused (a duplicate-key error quotes
     * the {@code _id}, which is a session id), so for those only the error code is kept and the
     * cause is dropped. Client-side failures (timeouts, sockets, a closed client) describe the
     * connection, never a document, and keep their cause.
     */
    static SessionStoreException translate(String operation, RuntimeException e) {
        String what = "MongoDB store failed on " + operation + ": " + e.getClass().getSimpleName();
        if (e instanceof MongoServerException server) {
            String codeName = server.getErrorCodeName();
            return new SessionStoreException(what + " (code " + server.getCode()
                    + (codeName == null || codeName.isEmpty() ? "" : " " + codeName) + ")");
        }
        return new SessionStoreException(what, e);
    }
}
