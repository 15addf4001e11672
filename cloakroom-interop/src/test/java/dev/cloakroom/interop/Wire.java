package dev.cloakroom.interop;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The wire formats the tests read independently of either app: JSON, cookie signatures, Set-Cookie. */
final class Wire {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** {@code doc} without {@code cookie.expires}, which each write moves. */
    static JsonNode withoutExpiry(JsonNode doc) {
        ObjectNode copy = (ObjectNode) doc.deepCopy();
        if (copy.get("cookie") instanceof ObjectNode cookie) {
            cookie.remove("expires");
        }
        return copy;
    }

    /** express's cookie-signature: base64 HMAC-SHA256 of the id, without {@code =} padding. */
    static String signature(String id, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sig).replaceAll("=+$", "");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The attributes of a Set-Cookie header, names lower-cased, in order; a flag maps to "". */
    static Map<String, String> attributes(String setCookie) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String[] parts = setCookie.split(";");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            int eq = part.indexOf('=');
            String name = (eq < 0 ? part : part.substring(0, eq)).toLowerCase(Locale.ROOT);
            attributes.put(name, eq < 0 ? "" : part.substring(eq + 1));
        }
        return attributes;
    }

    /** The {@code name=value} part of a Set-Cookie header. */
    static String nameValue(String setCookie) {
        int semi = setCookie.indexOf(';');
        return semi < 0 ? setCookie : setCookie.substring(0, semi);
    }

    static Instant expires(String setCookie) {
        return ZonedDateTime.parse(attributes(setCookie).get("expires"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }
}
