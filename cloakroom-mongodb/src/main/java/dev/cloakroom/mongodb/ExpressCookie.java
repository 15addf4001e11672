package dev.cloakroom.mongodb;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The one fact the store needs from an express-session document: whether its cookie has an expiry. */
final class ExpressCookie {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExpressCookie() {
    }

    /**
     * True when {@code json} is a document whose {@code cookie} has a null or absent
     * {@code expires}: a browser-session cookie, stored with the default TTL only because MongoDB
     * needs some date. Unreadable text answers false; core reports it as unreadable on load.
     */
    static boolean hasNoExpiry(String json) {
        try {
            JsonNode cookie = JSON.readTree(json).path("cookie");
            JsonNode expires = cookie.path("expires");
            return cookie.isObject() && (expires.isNull() || expires.isMissingNode());
        } catch (Exception e) {
            return false;
        }
    }
}
