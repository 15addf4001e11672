import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The side-by-side harness's sessions: made through each server's own routes, written one
 * {@code name=value} cookie a line for {@code cookies.lua}, and checked before and after the load.
 *
 * <pre>
 * java Sessions.java plain BASE COUNT FILE            # COUNT times GET /set-session without a cookie
 * java Sessions.java login BASE COUNT FILE PASSWORD   # Spring Security's form login as "bench", then GET /set-session
 * java Sessions.java check BASE FILE PATH TEXT        # 20 of the cookies: PATH answers 200 with TEXT in the body
 * java Sessions.java drive BASE FILE PATH N           # exactly N requests to PATH on 4 connections, each on its own session while there are N cookies
 * </pre>
 *
 * A login takes the CSRF token from the login page, posts the form and keeps the cookie the login
 * answers with (the session id changes at login).
 */
public final class Sessions {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "plain" -> write(args[1], Integer.parseInt(args[2]), Path.of(args[3]), null);
            case "login" -> write(args[1], Integer.parseInt(args[2]), Path.of(args[3]), args[4]);
            case "check" -> check(args[1], Path.of(args[2]), args[3], args[4]);
            case "drive" -> drive(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]));
            default -> {
                System.err.println("usage: Sessions plain|login|check ... (see the source)");
                System.exit(2);
            }
        }
    }

    private static void write(String base, int count, Path file, String password) throws Exception {
        List<String> cookies = inParallel(count, i -> {
            String cookie = password == null ? null : login(base, password);
            HttpResponse<String> set = send(base + "/set-session", cookie, null);
            if (set.statusCode() != 200) {
                throw new IOException("/set-session answered " + set.statusCode());
            }
            return cookieOf(set).or(() -> Optional.ofNullable(cookie))
                    .orElseThrow(() -> new IOException("/set-session set no cookie"));
        });
        Files.write(file, cookies);
        System.out.println("created " + cookies.size() + " sessions");
    }

    private static String login(String base, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = send(base + "/login", null, null);
        Matcher token = CSRF.matcher(page.body());
        String cookie = cookieOf(page).orElseThrow(() -> new IOException("the login page set no cookie"));
        if (!token.find()) {
            throw new IOException("no CSRF token on the login page");
        }
        String form = "username=bench&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> done = send(base + "/login", cookie, form);
        String location = done.headers().firstValue("location").orElse("");
        if (done.statusCode() != 302 || location.contains("error")) {
            throw new IOException("the login answered " + done.statusCode() + " to " + location);
        }
        return cookieOf(done).orElse(cookie);
    }

    private static void check(String base, Path file, String path, String text) throws Exception {
        List<String> cookies = new ArrayList<>(Files.readAllLines(file));
        Collections.shuffle(cookies);
        for (String cookie : cookies.subList(0, Math.min(20, cookies.size()))) {
            HttpResponse<String> r = send(base + path, cookie, null);
            if (r.statusCode() != 200 || !r.body().contains(text)) {
                System.out.println("FAILED: " + path + " answered " + r.statusCode() + ": "
                        + r.body().substring(0, Math.min(80, r.body().length())));
                System.exit(1);
            }
        }
        System.out.println("ok");
    }

    /**
     * A known number of requests, all answered when it returns, for counting store commands per
     * request. The cookies are taken in a shuffled order, each once while there are enough of them, so
     * no two requests in flight share a session: two writes to one session at once would cost the
     * merge's extra read (see the README's "Concurrent requests"), a cost of the collision and not of
     * the request.
     */
    private static void drive(String base, Path file, String path, int count) throws Exception {
        List<String> cookies = new ArrayList<>(Files.readAllLines(file));
        Collections.shuffle(cookies);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String cookie = cookies.get(i % cookies.size());
                futures.add(pool.submit(() -> send(base + path, cookie, null).statusCode()));
            }
            for (Future<Integer> f : futures) {
                if (f.get() != 200) {
                    throw new IOException(path + " answered " + f.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println(count);
    }

    /**
     * One request; a GET is sent once more after an I/O error, since a server may close a kept-alive
     * connection just as the client reuses it (a login is retried whole, by {@link #inParallel}).
     */
    private static HttpResponse<String> send(String url, String cookie, String form) throws IOException, InterruptedException {
        try {
            return sendOnce(url, cookie, form);
        } catch (IOException e) {
            if (form != null) {
                throw e;
            }
            return sendOnce(url, cookie, null);
        }
    }

    private static HttpResponse<String> sendOnce(String url, String cookie, String form) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The first Set-Cookie's {@code name=value}, attributes dropped. */
    private static Optional<String> cookieOf(HttpResponse<?> r) {
        return r.headers().firstValue("set-cookie").map(h -> h.contains(";") ? h.substring(0, h.indexOf(';')) : h);
    }

    private interface Task {
        String run(int i) throws Exception;
    }

    private static List<String> inParallel(int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    // On a busy machine a request can time out, or a store connect late (503); three tries, a pause between.
                    for (int attempt = 1; ; attempt++) {
                        try {
                            return task.run(n);
                        } catch (IOException e) {
                            if (attempt == 3) {
                                throw e;
                            }
                            Thread.sleep(1000L * attempt);
                        }
                    }
                }));
            }
            List<String> out = new ArrayList<>();
            for (Future<String> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
