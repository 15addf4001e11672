package dev.cloakroom.demo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Limits failed logins per user name and per client address (ASVS 2.2.1), so passwords cannot be
 * guessed at the speed of the network. A name or address with {@code perName} or
 * {@code perAddress} failures in a window is refused until the window, which starts at its first
 * failure, has passed; a refused attempt does not run the password check at all, so neither its
 * answer nor its timing says whether the password was right. A successful login clears its
 * name's count.
 *
 * <p>Each attempt is counted as a failure before its password is checked, and refunded if it
 * succeeds, so concurrent guesses cannot overshoot the limit. Both tables are bounded
 * ({@code maxTracked} entries each, oldest dropped first) and forget an entry a window after its
 * last failure. Long names are kept as a hash, so an entry's size does not depend on the input.
 *
 * <p>The per-name limit lets anyone lock a known user out for a window: the price of stopping a
 * guesser who spreads one account's guesses over many addresses.
 */
final class LoginThrottle {

    /**
     * The limits.
     *
     * @param perName    failures for one user name within a window before it is refused
     * @param perAddress failures from one client address within a window before it is refused
     * @param window     how long a count lasts from its first failure
     * @param maxTracked the most names, and the most addresses, counted at once
     */
    record Limits(int perName, int perAddress, Duration window, int maxTracked) {
        static final Limits DEFAULTS = new Limits(5, 20, Duration.ofMinutes(15), 10_000);
    }

    /** Failures counted since {@code startMillis}. */
    private record Window(long startMillis, int failures) {
    }

    private static final int LONGEST_KEPT_NAME = 64;

    private final Limits limits;
    private final Clock clock;
    private final Cache<String, Window> byName;
    private final Cache<String, Window> byAddress;

    LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.byName = table(limits, clock);
        this.byAddress = table(limits, clock);
    }

    /**
     * The address a login is counted against: the connection's peer, or, with {@code --trust-proxy},
     * the last {@code X-Forwarded-For} entry, the one the proxy in front appended for the peer it
     * saw. Earlier entries are whatever the client sent, so trusting them would let a guesser pick
     * a fresh address per attempt. This assumes exactly one proxy, which always appends.
     */
    static String clientAddress(Context ctx, boolean trustProxy) {
        String forwarded = trustProxy ? ctx.header("X-Forwarded-For") : null;
        if (forwarded != null) {
            String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return ctx.ip();
    }

    private static Cache<String, Window> table(Limits limits, Clock clock) {
        return Caffeine.newBuilder()
                .maximumSize(limits.maxTracked())
                .expireAfterWrite(limits.window().toMillis(), TimeUnit.MILLISECONDS)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    /**
     * Counts an attempt for {@code name} from {@code address} as a failure, unless either is
     * refused already.
     *
     * @return empty when the attempt may go on to the password check; otherwise how long until it
     *         may be tried again, and nothing was counted
     */
    Optional<Duration> attempt(String name, String address) {
        long now = clock.millis();
        String nameKey = nameKey(name);
        Optional<Duration> wait = longer(refusal(byName, nameKey, limits.perName(), now),
                refusal(byAddress, address, limits.perAddress(), now));
        if (wait.isEmpty()) {
            count(byName, nameKey, now);
            count(byAddress, address, now);
        }
        return wait;
    }

    /** The attempt {@link #attempt} counted was a successful login: clears the name, refunds the address. */
    void succeeded(String name, String address) {
        byName.invalidate(nameKey(name));
        byAddress.asMap().computeIfPresent(address, (k, w) -> w.failures() <= 1 ? null
                : new Window(w.startMillis(), w.failures() - 1));
    }

    private Optional<Duration> refusal(Cache<String, Window> table, String key, int limit, long now) {
        Window w = table.getIfPresent(key);
        if (w == null || w.failures() < limit) {
            return Optional.empty();
        }
        long left = w.startMillis() + limits.window().toMillis() - now;
        return left > 0 ? Optional.of(Duration.ofMillis(left)) : Optional.empty();
    }

    private void count(Cache<String, Window> table, String key, long now) {
        table.asMap().compute(key, (k, w) -> w == null || now - w.startMillis() >= limits.window().toMillis()
                ? new Window(now, 1) : new Window(w.startMillis(), w.failures() + 1));
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }

    private static String nameKey(String name) {
        String n = name == null ? "" : name;
        if (n.length() <= LONGEST_KEPT_NAME) {
            return "=" + n;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(n.getBytes(StandardCharsets.UTF_8));
            return "#" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
