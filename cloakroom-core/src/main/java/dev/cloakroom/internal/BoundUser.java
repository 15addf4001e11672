package dev.cloakroom.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.util.Optional;

/**
 * Finds the user a stored document is bound to, {@code "__cloakroom": {"user": "..."}}, by
 * streaming over the document: stores call it on every write, so it builds no tree and stops at
 * the answer. A document that is not JSON, or whose sidecar holds no string {@code user}, is
 * bound to no one.
 */
public final class BoundUser {

    /** The sidecar field naming the user a session is bound to. */
    public static final String FIELD = "user";

    private static final String QUOTED_FIELD = "\"" + FIELD + "\"";
    private static final JsonFactory JSON = new JsonFactory();

    private BoundUser() {
    }

    /**
     * {@return the user key {@code json} is bound to, or empty}
     *
     * @param json a stored express-session document
     */
    public static Optional<String> of(String json) {
        if (json.indexOf('\\') < 0 && !json.contains(QUOTED_FIELD)) {
            // Without an escape anywhere, the field's name can only be written as itself; most sessions are anonymous.
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (Sidecar.KEY.equals(name) && value == JsonToken.START_OBJECT) {
                    return userIn(parser);
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** Reads the sidecar object the parser stands at the start of. */
    private static Optional<String> userIn(JsonParser parser) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (FIELD.equals(name)) {
                return value == JsonToken.VALUE_STRING && !parser.getString().isEmpty()
                        ? Optional.of(parser.getString()) : Optional.empty();
            }
            parser.skipChildren();
        }
        return Optional.empty();
    }
}
