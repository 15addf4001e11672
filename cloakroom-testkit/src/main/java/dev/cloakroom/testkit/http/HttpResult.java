package dev.cloakroom.testkit.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A response as the lifecycle suite looks at it.
 *
 * @param status     the status code
 * @param body       the body as UTF-8 text
 * @param setCookies every {@code Set-Cookie} header value, in the order received
 * @param headers    every header, names lower-cased
 */
public record HttpResult(int status, String body, List<String> setCookies, Map<String, List<String>> headers) {

    /**
     * A response, its lists and map copied.
     *
     * @param status     the status code
     * @param body       the body as UTF-8 text
     * @param setCookies every {@code Set-Cookie} header value, in the order received
     * @param headers    every header, names lower-cased
     */
    public HttpResult {
        setCookies = List.copyOf(setCookies);
        headers = Map.copyOf(headers);
    }

    /**
     * {@return the first value of a header}
     *
     * @param name the header name, in any case
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** {@return every {@code Set-Cookie}, parsed} */
    public List<SetCookie> cookies() {
        return setCookies.stream().map(SetCookie::parse).toList();
    }

    /**
     * The {@code Set-Cookie} for {@code name}; empty when the response set none. Fails when it set
     * more than one: a browser keeps the last of two, so a duplicate is a bug to see, not one to
     * hide behind the first.
     *
     * @param name the cookie name
     * @return the one cookie of that name, or empty
     */
    public Optional<SetCookie> cookie(String name) {
        List<SetCookie> named = cookies().stream().filter(c -> c.name().equals(name)).toList();
        if (named.size() > 1) {
            throw new AssertionError("expected at most one Set-Cookie for " + name + " but got " + setCookies
                    + " (status " + status + ")");
        }
        return named.stream().findFirst();
    }

    /**
     * {@return the only {@code Set-Cookie} for {@code name}} Fails, listing the response's cookies, when
     * there is none or more than one.
     *
     * @param name the cookie name
     */
    public SetCookie requireCookie(String name) {
        return cookie(name).orElseThrow(() -> new AssertionError(
                "expected a Set-Cookie for " + name + " but got " + setCookies + " (status " + status + ")"));
    }
}
