package dev.cloakroom.bench;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.StoredSession;
import dev.cloakroom.internal.SessionIds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.ObjectName;

/**
 * Heap per session in a {@link MemoryStore} of small sessions (a document of about 190 bytes): for
 * each count, a fresh JVM with a heap sized for it fills a store, collects garbage a few times and
 * reports the heap in use minus what it used with the store empty. Everything the store keeps per
 * session counts: the id and document strings, the store's entry and instants, the cache's node
 * and its share of the hash table and frequency sketch.
 *
 * <p>{@code java -cp cloakroom-bench.jar dev.cloakroom.bench.MemoryProbe [count...]}, 1,000,
 * 100,000 and 1,000,000 by default. {@code --histogram N}, run in a JVM with a heap for it,
 * probes one count and also prints the heap's largest classes.
 */
public final class MemoryProbe {

    /** The target for a small session at a million sessions, in bytes. */
    private static final int TARGET_BYTES = 400;

    private MemoryProbe() {
    }

    /**
     * Probes each count in a JVM of its own, or, with {@code --child N}, is that JVM.
     *
     * @param args the session counts, or {@code --child} or {@code --histogram} and one count
     * @throws Exception when a child JVM cannot be run or fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && (args[0].equals("--child") || args[0].equals("--histogram"))) {
            child(Integer.parseInt(args[1]), args[0].equals("--histogram"));
            return;
        }
        List<Integer> counts = new ArrayList<>();
        for (String a : args) {
            counts.add(Integer.parseInt(a.replace("_", "")));
        }
        if (counts.isEmpty()) {
            counts = List.of(1_000, 100_000, 1_000_000);
        }
        System.out.println("MemoryStore heap per small session (serial GC, used heap after System.gc(), minus an empty store)");
        System.out.printf(Locale.ROOT, "%10s %8s %12s %14s %12s%n", "sessions", "-Xmx", "heap (MiB)", "bytes/session",
                "doc (chars)");
        for (int count : counts) {
            String heap = count > 200_000 ? "2g" : "512m";
            String line = runChild(count, heap);
            String[] f = line.split(" ");
            long bytes = Long.parseLong(f[2]);
            double perSession = Double.parseDouble(f[3]);
            String verdict = count == 1_000_000
                    ? (perSession <= TARGET_BYTES ? "  target <= " + TARGET_BYTES + ": met" : "  target <= " + TARGET_BYTES + ": MISSED")
                    : "";
            System.out.printf(Locale.ROOT, "%10d %8s %12.1f %14.0f %12s%s%n", count, heap, bytes / 1048576.0, perSession,
                    f[4], verdict);
        }
    }

    private static String runChild(int count, String heap) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xms" + heap, "-Xmx" + heap, "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName(), "--child", Integer.toString(count))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the probe of " + count + " sessions failed (exit " + p.exitValue() + ")");
        }
        return result;
    }

    /** Fills a store with {@code count} sessions and prints {@code RESULT count bytes bytesPerSession docChars}. */
    private static void child(int count, boolean histogram) throws Exception {
        MemoryStore store = MemoryStore.builder().maxSessions(count).maxBytes(count * 4096L).build();
        long baseline = usedAfterGc();
        Instant now = Instant.now();
        long docChars = 0;
        for (int i = 0; i < count; i++) {
            // Its own expiry instant per session, as each request's commit makes one.
            Instant expires = now.plus(Duration.ofMinutes(30)).plusMillis(i);
            String json = Fixtures.smallDocument(i, expires);
            docChars += json.length();
            store.set(SessionIds.generate(), new StoredSession(json, expires));
        }
        if (store.size() != count) {
            throw new IllegalStateException("the store holds " + store.size() + " sessions, not " + count);
        }
        long used = usedAfterGc() - baseline;
        System.out.printf(Locale.ROOT, "RESULT %d %d %.1f %d%n", count, used, (double) used / count, docChars / count);
        if (histogram) {
            // What the heap holds by class, as jcmd's GC.class_histogram prints it: where the bytes go.
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            text.toString().lines().limit(20).forEach(System.out::println);
        }
        // Keeps the store reachable until after the measurement.
        store.close();
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
