package dev.cloakroom.servlet.internal;

import dev.cloakroom.SessionExchange;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container's own request and response as core sees them. It holds the unwrapped objects,
 * so adding the cookie never passes through the commit guard.
 */
public final class ServletExchange implements SessionExchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final List<String> sessionCookies = new ArrayList<>(1);
    private final Map<String, String> sessionHeaders = new LinkedHashMap<>(2);

    /**
     * The exchange of the container's own, unwrapped request and response.
     *
     * @param request  the container's request
     * @param response the container's response
     */
    public ServletExchange(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    /** The raw, still percent-encoded path including the context path, without the query string. */
    @Override
    public String path() {
        return request.getRequestURI();
    }

    @Override
    public List<String> headers(String name) {
        Enumeration<String> values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }

    /** The container's answer, which includes any forwarding headers the container was told to trust. */
    @Override
    public boolean isSecure() {
        return request.isSecure();
    }

    /**
     * The physical connection's TLS, from Servlet 6's {@code ServletConnection}: forwarding headers
     * the container trusts (Tomcat's {@code RemoteIpValve}, Jetty's {@code ForwardedRequestCustomizer})
     * change {@link #isSecure()} but not this.
     */
    @Override
    public boolean connectionIsSecure() {
        ServletConnection connection = request.getServletConnection();
        return connection != null ? connection.isSecure() : request.isSecure();
    }

    @Override
    public void addSetCookie(String headerValue) {
        sessionCookies.add(headerValue);
        response.addHeader("Set-Cookie", headerValue);
    }

    @Override
    public void setHeader(String name, String value) {
        sessionHeaders.put(name, value);
        response.setHeader(name, value);
    }

    @Override
    public String responseHeader(String name) {
        Collection<String> values = response.getHeaders(name);
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }

    /** Until the container commits the response, say while an error page renders after {@code sendError}. */
    @Override
    public boolean headersStillOpen() {
        return !response.isCommitted();
    }

    /**
     * Adds the session's cookies again after the application reset the response, which drops
     * every header: the session was already saved, so without them the browser would never
     * learn its id. The same goes for a header transport's token and its {@code Cache-Control}.
     */
    public void restoreSessionCookies() {
        for (String cookie : sessionCookies) {
            response.addHeader("Set-Cookie", cookie);
        }
        sessionHeaders.forEach(response::setHeader);
    }
}
