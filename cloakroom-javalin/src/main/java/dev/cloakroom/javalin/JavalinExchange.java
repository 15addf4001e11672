package dev.cloakroom.javalin;

import dev.cloakroom.SessionExchange;
import io.javalin.http.Context;
import jakarta.servlet.ServletConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** A Javalin request/response pair as core sees it. */
final class JavalinExchange implements SessionExchange {

    private static final Logger LOG = LoggerFactory.getLogger(JavalinExchange.class);

    private final Context ctx;

    JavalinExchange(Context ctx) {
        this.ctx = ctx;
    }

    /** The raw, still percent-encoded path without the query string, as the browser matches cookie paths. */
    @Override
    public String path() {
        return ctx.path();
    }

    @Override
    public List<String> headers(String name) {
        Enumeration<String> values = ctx.req().getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }

    /** Jetty's answer, which includes forwarding headers a {@code ForwardedRequestCustomizer} was added to trust. */
    @Override
    public boolean isSecure() {
        return ctx.req().isSecure();
    }

    /** The physical connection's TLS, from Servlet 6's {@code ServletConnection}, which forwarding headers leave alone. */
    @Override
    public boolean connectionIsSecure() {
        ServletConnection connection = ctx.req().getServletConnection();
        return connection != null ? connection.isSecure() : ctx.req().isSecure();
    }

    /**
     * Appends the header. {@code ctx.header(...)} would replace a {@code Set-Cookie} the
     * application added itself. Once the response is committed the header cannot reach the
     * browser; that is logged, without the cookie value, so a streaming handler that forgot
     * {@link Cloakroom#commit} is easy to find.
     */
    @Override
    public void addSetCookie(String headerValue) {
        if (ctx.res().isCommitted()) {
            LOG.warn("session cookie for {} {} not sent: the response was already committed; "
                    + "call Cloakroom.commit(ctx) before streaming or flushing", ctx.method(), ctx.path());
            return;
        }
        ctx.res().addHeader("Set-Cookie", headerValue);
    }

    /** Sets the header (header transport's token); as for the cookie, too late once the response is committed. */
    @Override
    public void setHeader(String name, String value) {
        if (ctx.res().isCommitted()) {
            LOG.warn("session header {} for {} {} not sent: the response was already committed; "
                    + "call Cloakroom.commit(ctx) before streaming or flushing", name, ctx.method(), ctx.path());
            return;
        }
        ctx.res().setHeader(name, value);
    }

    @Override
    public String responseHeader(String name) {
        Collection<String> values = ctx.res().getHeaders(name);
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }
}
