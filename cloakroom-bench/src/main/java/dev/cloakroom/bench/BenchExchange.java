package dev.cloakroom.bench;

import dev.cloakroom.SessionExchange;

import java.util.List;

/**
 * The cheapest exchange an adapter could hand core: a path, one {@code Cookie} header already split
 * into a list, and the {@code Set-Cookie} values counted and remembered, so a benchmark measures
 * core and not its stand-in for HTTP. Public for the benchmarks in other packages.
 */
public final class BenchExchange implements SessionExchange {

    private final List<String> cookies;
    private String lastSetCookie;

    /**
     * A plain-HTTP request for {@code /}.
     *
     * @param cookies the {@code Cookie} header's values, empty for none
     */
    public BenchExchange(List<String> cookies) {
        this.cookies = cookies;
    }

    @Override
    public String path() {
        return "/";
    }

    @Override
    public List<String> headers(String name) {
        return "Cookie".equalsIgnoreCase(name) ? cookies : List.of();
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public void addSetCookie(String headerValue) {
        lastSetCookie = headerValue;
    }

    /** {@return the last {@code Set-Cookie} value core added, or null} */
    public String lastSetCookie() {
        return lastSetCookie;
    }
}
