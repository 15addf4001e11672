package dev.cloakroom.demo;

import tools.jackson.databind.ObjectMapper;
import dev.cloakroom.Session;
import dev.cloakroom.javalin.Cloakroom;
import io.javalin.http.Context;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /api/prefs}: a visitor's preferences, each kept as its own session attribute
 * {@code pref.<name>} holding a string. One attribute per preference means two requests that set
 * different preferences change different attributes, which is what the store's no-lost-update
 * guarantee protects.
 */
final class PrefsApi {

    static final String PREFIX = "pref.";
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MAX_VALUE_BYTES = 1024;
    /** Visitors write these without logging in, so the count is bounded to keep each stored session small. */
    static final int MAX_PREFS = 64;
    static final String BAD_NAME = "name must be 1 to 64 of A-Z a-z 0-9 _ -";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PrefsApi() {
    }

    /** {@code GET /api/prefs}: every preference as a JSON object; {@code {}} without a session, which is not created. */
    static void list(Context ctx) {
        json(ctx, 200, Cloakroom.existing(ctx).map(PrefsApi::all).orElse(Map.of()));
    }

    /**
     * {@code PUT /api/prefs/{name}}: the body, at most 1 KiB of UTF-8 text, becomes the preference's
     * value. Adding a 65th is refused with 400; a new name whose save raced another new name is
     * refused with 409 (the plugin's answer to {@code SessionConflictException}) and can be sent again.
     */
    static void put(Context ctx) {
        String name = ctx.pathParam("name");
        if (!NAME.matcher(name).matches()) {
            badName(ctx);
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_VALUE_BYTES) {
            error(ctx, 400, tooLong(body.length));
            return;
        }
        Optional<String> value = utf8(body);
        if (value.isEmpty()) {
            error(ctx, 400, "value must be UTF-8 text");
            return;
        }
        Optional<String> refused = set(Cloakroom.session(ctx), name, value.get());
        if (refused.isPresent()) {
            error(ctx, 400, refused.get());
            return;
        }
        json(ctx, 200, Map.of("name", name, "value", value.get()));
    }

    /**
     * Sets the preference {@code name} to {@code value} in {@code session}, or says why not (a bad
     * name, a value over 1 KiB, a 65th preference), for the API and the dashboard's form alike.
     */
    static Optional<String> set(Session session, String name, String value) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.of(BAD_NAME);
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_VALUE_BYTES) {
            return Optional.of(tooLong(bytes));
        }
        String key = PREFIX + name;
        if (!session.has(key)) {
            // A new name must respect the cap as stored when this save lands, not only as loaded:
            // with the read check, a PUT whose count another PUT made stale gets 409 and stores nothing.
            session.checkReads();
            if (countPrefs(session) >= MAX_PREFS) {
                return Optional.of("at most " + MAX_PREFS + " preferences per session");
            }
        }
        session.set(key, value);
        return Optional.empty();
    }

    /** {@return every preference in {@code session}, by name, in the session's order} */
    static Map<String, String> all(Session session) {
        Map<String, String> prefs = new LinkedHashMap<>();
        for (String key : session.keys()) {
            if (key.startsWith(PREFIX)) {
                session.get(key, String.class).ifPresent(v -> prefs.put(key.substring(PREFIX.length()), v));
            }
        }
        return prefs;
    }

    /** {@code DELETE /api/prefs/{name}}: 204 when removed, 404 when there was no such preference. */
    static void delete(Context ctx) {
        String name = ctx.pathParam("name");
        if (!NAME.matcher(name).matches()) {
            badName(ctx);
            return;
        }
        boolean removed = Cloakroom.existing(ctx).map(s -> s.remove(PREFIX + name)).orElse(false);
        if (removed) {
            ctx.status(204);
        } else {
            error(ctx, 404, "no preference named " + name);
        }
    }

    private static long countPrefs(Session session) {
        return session.keys().stream().filter(k -> k.startsWith(PREFIX)).count();
    }

    private static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String tooLong(int bytes) {
        return "value must be at most " + MAX_VALUE_BYTES + " bytes, got " + bytes;
    }

    private static void badName(Context ctx) {
        error(ctx, 400, BAD_NAME);
    }

    private static void error(Context ctx, int status, String message) {
        json(ctx, status, Map.of("error", message));
    }

    private static void json(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(value));
    }
}
