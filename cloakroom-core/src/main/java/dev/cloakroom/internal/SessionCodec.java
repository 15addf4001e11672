package dev.cloakroom.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import dev.cloakroom.Priority;
import dev.cloakroom.SameSite;
import dev.cloakroom.UnreadableSessionException;

import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a session into express-session's stored JSON and back: {@code {"cookie":{...}, ...attributes}},
 * with the cookie keys in express-session's order and {@code expires} as JavaScript's
 * {@code toISOString()} writes it.
 */
public final class SessionCodec {

    /** The document's key for express-session's cookie object, which no attribute may use. */
    public static final String COOKIE_KEY = "cookie";

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;
    private final boolean ownMapper;
    /** Whether the mapper writes a tree's values one after another with nothing added, so a document can be written value by value. */
    private final boolean writesPlainly;

    /**
     * A codec whose attribute values go through {@code mapper}.
     *
     * @param mapper the application's mapper, or {@code null} for {@link #defaultMapper()}
     */
    public SessionCodec(ObjectMapper mapper) {
        this.mapper = mapper != null ? mapper : defaultMapper();
        this.ownMapper = mapper == null;
        SerializationConfig config = this.mapper.serializationConfig();
        this.writesPlainly = !config.isEnabled(SerializationFeature.INDENT_OUTPUT)
                && !config.isEnabled(SerializationFeature.WRAP_ROOT_VALUE)
                && !config.isEnabled(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
                && config.isEnabled(JsonNodeFeature.WRITE_NULL_PROPERTIES);
    }

    /**
     * Jackson 3 with ISO dates, tolerance for fields a newer app version added, and properties in
     * declaration order (Jackson 3 would sort them), so a stored record reads as its source does.
     *
     * @return a new mapper with those settings
     */
    public static ObjectMapper defaultMapper() {
        return JsonMapper.builder()
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .build();
    }

    /** {@return the mapper attribute values go through} */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** {@return whether {@link #mapper()} is Cloakroom's {@link #defaultMapper()}, with no application module in it} */
    public boolean ownsMapper() {
        return ownMapper;
    }

    /**
     * A stored session, split into its cookie and its attributes.
     *
     * @param cookie     the cookie object, as a live cookie
     * @param attributes every other key of the document
     */
    public record Decoded(CookieState cookie, ObjectNode attributes) {
    }

    /**
     * {@return the stored document {@code json}, split into its cookie and attributes}
     *
     * @param json  the document as the store returned it
     * @param clock the clock the cookie's remaining max age is counted on
     * @throws UnreadableSessionException when it is not a JSON object with a cookie object
     */
    public Decoded decode(String json, Clock clock) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new UnreadableSessionException("stored session is not valid JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableSessionException("stored session is not a JSON object");
        }
        JsonNode cookieNode = root.get(COOKIE_KEY);
        if (cookieNode == null || !cookieNode.isObject()) {
            throw new UnreadableSessionException("stored session has no cookie object");
        }
        CookieState cookie = decodeCookie(cookieNode, clock);
        // The tree was parsed for this call alone, so the cookie key is taken out of it in place.
        ObjectNode attributes = (ObjectNode) root;
        attributes.remove(COOKIE_KEY);
        return new Decoded(cookie, attributes);
    }

    /**
     * {@return the document to store: the cookie object first, then the attributes}
     *
     * @param cookie     the session's cookie
     * @param attributes the attributes; a {@code cookie} key among them is left out, and NaN or an
     *                   infinity inside one is written as {@code null}, as {@code JSON.stringify} does
     */
    public String encode(CookieState cookie, ObjectNode attributes) {
        return encode(cookie, attributes, null);
    }

    /**
     * As {@link #encode(CookieState, ObjectNode)}, where a value that is also {@code finite}'s value
     * for its key is known to hold no NaN or infinity and is not searched for one.
     *
     * @param finite a tree with no NaN or infinity in it, or null
     */
    String encode(CookieState cookie, ObjectNode attributes, ObjectNode finite) {
        return encodeMapped(cookie, attributes, finite, null).json();
    }

    /**
     * A document, and where its top-level objects and arrays lie in it.
     *
     * @param json  the document
     * @param texts the ranges, or null when there are none or the mapper's output is not mapped
     */
    record Encoded(String json, ValueTexts texts) {
    }

    /**
     * As {@link #encode(CookieState, ObjectNode, ObjectNode)}, also mapping where each object or
     * array value lies in the text. A value that is {@code finite}'s value for its key, and is
     * mapped in {@code texts} (the ranges of the document {@code finite} was read from), is copied
     * from that text instead of written out again.
     *
     * <p>With a mapper that indents, wraps the root, sorts an object's keys or leaves out its nulls,
     * the document is one tree written whole, as that mapper would write it, and nothing is mapped.
     *
     * @param texts where {@code finite}'s values lie in its document, or null
     */
    Encoded encodeMapped(CookieState cookie, ObjectNode attributes, ObjectNode finite, ValueTexts texts) {
        if (!writesPlainly) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.set(COOKIE_KEY, encodeCookie(cookie));
            for (Map.Entry<String, JsonNode> field : attributes.properties()) {
                String name = field.getKey();
                if (!COOKIE_KEY.equals(name)) {
                    root.set(name, finite != null && finite.get(name) == field.getValue()
                            ? field.getValue() : FiniteNumbers.nulled(field.getValue()));
                }
            }
            return new Encoded(mapper.writeValueAsString(root), null);
        }
        // The next document is usually about as long as the one before it.
        Text text = new Text(texts == null ? 256 : texts.length() + 64);
        ValueTexts.Builder mapped = new ValueTexts.Builder();
        try (JsonGenerator g = mapper.createGenerator(text)) {
            g.writeStartObject();
            g.writeName(COOKIE_KEY);
            g.writeTree(encodeCookie(cookie));
            for (Map.Entry<String, JsonNode> field : attributes.properties()) {
                String name = field.getKey();
                if (COOKIE_KEY.equals(name)) {
                    continue;
                }
                g.writeName(name);
                JsonNode value = field.getValue();
                boolean shared = finite != null && finite.get(name) == value;
                if (!value.isContainer()) {
                    g.writeTree(shared ? value : FiniteNumbers.nulled(value));
                    continue;
                }
                g.flush();
                int start = text.length();
                if (!(shared && texts != null && texts.writeTo(g, name))) {
                    g.writeTree(shared ? value : FiniteNumbers.nulled(value));
                }
                g.flush();
                // What the generator wrote before the value's first character is its separator.
                while (text.charAt(start) != '{' && text.charAt(start) != '[') {
                    start++;
                }
                mapped.add(name, start, text.length());
            }
            g.writeEndObject();
        }
        String json = text.toString();
        return new Encoded(json, mapped.build(json));
    }

    /** A writer into a {@code StringBuilder}, with none of {@code StringWriter}'s locking. */
    private static final class Text extends Writer {
        private final StringBuilder out;

        Text(int capacity) {
            out = new StringBuilder(capacity);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            out.append(chars, offset, length);
        }

        @Override
        public void write(String s, int offset, int length) {
            out.append(s, offset, offset + length);
        }

        @Override
        public void write(int c) {
            out.append((char) c);
        }

        int length() {
            return out.length();
        }

        char charAt(int i) {
            return out.charAt(i);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /** {@return {@code cookie} as {@link #decode} reads it back from the document {@link #encode} writes} */
    CookieState asStored(CookieState cookie, Clock clock) {
        return decodeCookie(encodeCookie(cookie), clock);
    }

    /** The cookie object alone, as {@link #encode} writes it into the document. */
    String cookieJson(CookieState cookie) {
        return mapper.writeValueAsString(encodeCookie(cookie));
    }

    /**
     * {@return {@code instant} as JavaScript's {@code toISOString()} writes it, in UTC to the millisecond}
     *
     * @param instant the instant
     */
    public static String isoDate(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) {
            return ISO_MILLIS.format(instant);
        }
        // Every save writes one; the formatter's general machinery costs more than the rest of the cookie.
        StringBuilder out = new StringBuilder(24);
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        return pad(out, t.getNano() / 1_000_000, 3).append('Z').toString();
    }

    /** Appends {@code n}, not negative, with leading zeros to {@code width} digits. */
    static StringBuilder pad(StringBuilder out, int n, int width) {
        for (int w = 1, bound = 10; w < width; w++, bound *= 10) {
            if (n < bound) {
                out.append('0');
            }
        }
        return out.append(n);
    }

    /**
     * {@return {@code text} as an instant} The form {@link #isoDate} and JavaScript's
     * {@code toISOString()} write, {@code 2026-03-01T10:15:30.000Z}, is read digit by digit: it is
     * in every stored session, and {@link Instant#parse} builds a parse context per call. Any other
     * ISO-8601 instant goes to {@link Instant#parse}.
     *
     * @throws DateTimeParseException when it is not an ISO-8601 instant
     */
    static Instant parseIsoDate(String text) {
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int millis = digits(text, 20, 3);
            if ((year | month | day | hour | minute | second | millis) >= 0 && month >= 1 && month <= 12 && day >= 1
                    && day <= Month.of(month).length(Year.isLeap(year)) && hour <= 23 && minute <= 59 && second <= 59) {
                long days = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
            }
        }
        return Instant.parse(text);
    }

    /** The number the {@code count} ASCII digits at {@code from} write, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            n = n * 10 + (ch - '0');
        }
        return n;
    }

    private static ObjectNode encodeCookie(CookieState c) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (c.originalMaxAgeMillis == null) {
            node.putNull("originalMaxAge");
        } else {
            node.put("originalMaxAge", c.originalMaxAgeMillis);
        }
        if (c.partitioned) {
            node.put("partitioned", true);
        }
        if (c.priority != null) {
            node.put("priority", c.priority.storedName());
        }
        if (c.expires == null) {
            node.putNull("expires");
        } else {
            node.put("expires", isoDate(c.expires));
        }
        node.put("secure", c.secure);
        node.put("httpOnly", c.httpOnly);
        if (c.domain != null) {
            node.put("domain", c.domain);
        }
        node.put("path", c.path);
        if (c.sameSite != null) {
            node.put("sameSite", c.sameSite.storedName());
        }
        return node;
    }

    private static CookieState decodeCookie(JsonNode node, Clock clock) {
        CookieState c = new CookieState(clock);
        JsonNode maxAge = node.get("originalMaxAge");
        if (maxAge != null && !maxAge.isNull()) {
            if (!maxAge.isNumber()) {
                throw new UnreadableSessionException("stored cookie.originalMaxAge is not a number");
            }
            c.originalMaxAgeMillis = maxAge.asLong();
        }
        JsonNode expires = node.get("expires");
        if (expires != null && !expires.isNull()) {
            try {
                c.expires = parseIsoDate(expires.asString());
            } catch (DateTimeParseException e) {
                throw new UnreadableSessionException("stored cookie.expires is not an ISO-8601 instant", e);
            }
        }
        c.secure = truthy(node.get("secure"), false);
        c.httpOnly = truthy(node.get("httpOnly"), true);
        c.domain = textOrNull(node.get("domain"));
        String path = textOrNull(node.get("path"));
        c.path = path == null ? "/" : path;
        c.partitioned = truthy(node.get("partitioned"), false);
        c.sameSite = sameSite(node.get("sameSite"), c);
        c.priority = priority(node.get("priority"), c);
        return c;
    }

    /**
     * A flag as express-session's cookie writer reads it: by JavaScript truthiness, so a stored
     * {@code "secure":"auto"} (a Node handler's {@code req.session.cookie.secure = 'auto'}) is
     * {@code Secure}, as it is for Node. {@code absent} is express's value for a key not stored.
     */
    private static boolean truthy(JsonNode node, boolean absent) {
        if (node == null || node.isMissingNode()) {
            return absent;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isNumber()) {
            double d = node.asDouble();
            return d != 0 && !Double.isNaN(d);
        }
        if (node.isString()) {
            return !node.asString().isEmpty();
        }
        return !node.isNull();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    /**
     * express accepts {@code true} (meaning strict), {@code false} (absent) and the three words in any
     * case. Anything else is noted on {@code c}, for {@link StoredCookieCheck} to replace by the
     * configured value: a session is not lost over one attribute.
     */
    private static SameSite sameSite(JsonNode node, CookieState c) {
        if (node == null || node.isNull() || (node.isBoolean() && !node.asBoolean())) {
            return null;
        }
        if (node.isBoolean()) {
            return SameSite.STRICT;
        }
        return switch (node.asString().toLowerCase(Locale.ROOT)) {
            case "strict" -> SameSite.STRICT;
            case "lax" -> SameSite.LAX;
            case "none" -> SameSite.NONE;
            default -> c.unreadable("sameSite");
        };
    }

    private static Priority priority(JsonNode node, CookieState c) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (node.asString().toLowerCase(Locale.ROOT)) {
            case "low" -> Priority.LOW;
            case "medium" -> Priority.MEDIUM;
            case "high" -> Priority.HIGH;
            default -> c.unreadable("priority");
        };
    }
}
