import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault test's sessions, created through the demo's own routes and read back after the run.
 *
 * <pre>
 * java Sessions.java create BASE_URL COUNT FILE   # COUNT sessions; FILE gets "cookie TAB marker" lines
 * java Sessions.java verify BASE_URL FILE         # prints "lost=L unreachable=U of=N"
 * </pre>
 *
 * Each session is made by {@code GET /set-session} (username and visit counter) and then given a
 * marker of its own with {@code PUT /api/prefs/marker}; the load touches only the visit counter,
 * so after the run every session must still show its username and exactly its marker. A session
 * whose read-back is a 5xx or no answer is counted as unreachable, not lost.
 */
public final class Sessions {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("create")) {
            create(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
        } else if (args.length == 3 && args[0].equals("verify")) {
            verify(args[1], Path.of(args[2]));
        } else {
            System.err.println("usage: Sessions create BASE_URL COUNT FILE | verify BASE_URL FILE");
            System.exit(2);
        }
    }

    private static void create(String base, int count, Path file) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> lines = inParallel(count, i -> {
            String marker = "m" + i + "-" + run;
            HttpResponse<String> set = send(HttpRequest.newBuilder(URI.create(base + "/set-session")).GET());
            String cookie = set.headers().firstValue("set-cookie")
                    .map(h -> h.substring(0, h.indexOf(';')))
                    .orElseThrow(() -> new IOException("/set-session answered " + set.statusCode() + " without a cookie"));
            String value = cookie.substring(cookie.indexOf('=') + 1);
            HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(base + "/api/prefs/marker"))
                    .header("Cookie", cookie).PUT(HttpRequest.BodyPublishers.ofString(marker)));
            if (put.statusCode() != 200) {
                throw new IOException("PUT /api/prefs/marker answered " + put.statusCode() + ": " + put.body());
            }
            return value + "\t" + marker;
        });
        Files.write(file, lines);
        System.out.println("created " + lines.size() + " sessions");
    }

    private static void verify(String base, Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        AtomicInteger lost = new AtomicInteger();
        AtomicInteger unreachable = new AtomicInteger();
        inParallel(lines.size(), i -> {
            String[] parts = lines.get(i).split("\t");
            String cookie = "connect.sid=" + parts[0];
            HttpResponse<String> prefs = read(base + "/api/prefs", cookie);
            HttpResponse<String> visits = read(base + "/get-session", cookie);
            if (prefs == null || visits == null || prefs.statusCode() >= 500 || visits.statusCode() >= 500) {
                unreachable.incrementAndGet();
            } else if (!prefs.body().contains("\"marker\":\"" + parts[1] + "\"")
                    || !visits.body().startsWith("Welcome back, john!")) {
                lost.incrementAndGet();
            }
            return null;
        });
        System.out.println("lost=" + lost + " unreachable=" + unreachable + " of=" + lines.size());
    }

    private static HttpResponse<String> read(String url, String cookie) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET());
        } catch (IOException e) {
            return null;
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private interface Task<T> {
        T run(int i) throws Exception;
    }

    /** Runs {@code task} for 0..count-1 on eight threads, in order of index in the result. */
    private static <T> List<T> inParallel(int count, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
