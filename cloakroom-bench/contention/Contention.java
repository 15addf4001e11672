import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * contention.sh's load generator, one process per role, talking plain HTTP/1.1 over sockets
 * ({@link Http}) so that nothing in the client (a connection pool, a selector thread) sits
 * between a request and its timing. contention.sh compiles this folder and runs the class.
 *
 * <pre>
 * java Contention fill HOST PORT DIR                 # one session filled to the size limit through PUT /api/prefs
 * java Contention probe HOST PORT RATE OUT STOPFILE  # GET /health at RATE per second until STOPFILE exists
 * java Contention burst HOST PORT DIR KIND PID       # 400 simultaneous PUTs; KIND race (the session's prefs) or floor
 * java Contention report META RESULT.md ROUND_DIR... # the tables, printed and written as Markdown
 * </pre>
 *
 * The session is filled with preferences of 1 KiB (the demo's largest value), made of a six-letter
 * tag and control characters, which JSON stores as six-byte {@code \u0001} escapes: 6 KiB each.
 * Big ones go in until one answers 413; then one more, "tail", grows until one more character
 * would answer 413. A race write replaces a big preference with a value of the same length and its
 * own tag, so the document stays at its size; one write in eight instead grows the one-byte
 * preference "g" to 1 KiB, which no session this full can take: it must answer 413 and store
 * nothing. All times are epoch microseconds, so the probe's and the burst's files line up.
 */
public final class Contention {

    static final int WRITERS = 400;
    static final int VALUE_BYTES = 1024;
    static final String FILL_TAG = "fill--";
    static final long T0_NANOS = System.nanoTime();
    static final long T0_MICROS = epochMicros(java.time.Instant.now());

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "fill" -> fill(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            case "probe" -> probe(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]), Path.of(args[5]));
            case "burst" -> burst(args[1], Integer.parseInt(args[2]), Path.of(args[3]), args[4], args[5]);
            case "report" -> report(Path.of(args[1]), Path.of(args[2]), Arrays.stream(args, 3, args.length).map(Path::of).toList());
            default -> {
                System.err.println("usage: Contention fill|probe|burst|report ... (see the source)");
                System.exit(2);
            }
        }
    }

    static long epochMicros(java.time.Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    }

    static long nowMicros() {
        return T0_MICROS + (System.nanoTime() - T0_NANOS) / 1000;
    }

    /** A value of exactly {@link #VALUE_BYTES} UTF-8 bytes: the six-character tag, then control characters. */
    static String value(String tag) {
        return tag + "\u0001".repeat(VALUE_BYTES - tag.length());
    }

    // ---- fill ---------------------------------------------------------------------------------------

    private static void fill(String host, int port, Path dir) throws IOException {
        Http.Response first = Http.once(host, port, "PUT", "/api/prefs/g", null, "x");
        first.expect(200);
        String cookie = first.cookie();
        int big = 0;
        while (true) {
            Http.Response r = Http.once(host, port, "PUT", "/api/prefs/p" + big, cookie, value(FILL_TAG));
            if (r.status() == 413) {
                break;
            }
            r.expect(200);
            if (++big == 62) {
                throw new IOException("62 preferences of 6 KiB fit: is the size limit off?");
            }
        }
        // The largest "tail" that fits; the stored value is always the last one that fitted.
        int lo = 0;
        int hi = VALUE_BYTES - FILL_TAG.length();
        if (Http.once(host, port, "PUT", "/api/prefs/tail", cookie, FILL_TAG).status() != 200) {
            throw new IOException("not even a six-letter tail fits after " + big + " big preferences");
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            Http.Response r = Http.once(host, port, "PUT", "/api/prefs/tail", cookie, FILL_TAG + "\u0001".repeat(mid));
            if (r.status() == 200) {
                lo = mid;
            } else {
                r.expect(413);
                hi = mid - 1;
            }
        }
        Files.writeString(dir.resolve("cookie"), cookie);
        Files.writeString(dir.resolve("fill.txt"), "big=" + big + "\ntail=" + lo + "\n");
        System.out.println("filled: " + big + " preferences of 6 KiB stored, a tail of " + lo + " escapes; one more answers 413");
    }

    // ---- probe --------------------------------------------------------------------------------------

    /**
     * GET /health at a fixed rate, each request due at its own time, its latency counted from then
     * (not from when a connection was free), so a stall counts for every probe it delays. Eight
     * kept-alive connections share the schedule.
     */
    private static void probe(String host, int port, int rate, Path out, Path stop) throws Exception {
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        AtomicLong next = new AtomicLong();
        List<long[]> rows = new ArrayList<>();
        Thread[] workers = new Thread[8];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(() -> {
                Http conn = null;
                while (!Files.exists(stop)) {
                    long due = start + next.getAndIncrement() * periodNanos;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    int status;
                    try {
                        if (conn == null) {
                            conn = new Http(host, port);
                        }
                        status = conn.exchange("GET", "/health", null, null, true).status();
                    } catch (IOException e) {
                        status = 0;
                        conn = null;
                    }
                    long done = System.nanoTime();
                    synchronized (rows) {
                        rows.add(new long[] {T0_MICROS + (due - T0_NANOS) / 1000, (done - due) / 1000, status});
                    }
                }
            });
            workers[w].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        StringBuilder s = new StringBuilder();
        for (long[] r : rows) {
            s.append(r[0]).append('\t').append(r[1]).append('\t').append(r[2]).append('\n');
        }
        Files.writeString(out, s);
    }

    // ---- burst --------------------------------------------------------------------------------------

    /**
     * {@link #WRITERS} connections opened first, then every request written at once. Writes the
     * requests' outcomes to {@code KIND.tsv} and the window and the server's CPU to {@code KIND.txt}.
     */
    private static void burst(String host, int port, Path dir, String kind, String serverPid) throws Exception {
        String cookie = Files.readString(dir.resolve("cookie"));
        int big = Integer.parseInt(readProps(dir.resolve("fill.txt")).get("big"));
        String[] names = new String[WRITERS];
        String[] values = new String[WRITERS];
        for (int i = 0; i < WRITERS; i++) {
            String tag = String.format("w%04d-", i);
            names[i] = kind.equals("floor") ? "floor." + i : i % 8 == 7 ? "g" : "p" + (i % big);
            values[i] = value(tag);
        }
        Http[] conns = new Http[WRITERS];
        for (int i = 0; i < WRITERS; i++) {
            conns[i] = new Http(host, port);
        }
        long[] sent = new long[WRITERS];
        long[] answered = new long[WRITERS];
        int[] status = new int[WRITERS];
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(WRITERS);
        for (int i = 0; i < WRITERS; i++) {
            int n = i;
            new Thread(() -> {
                try {
                    go.await();
                    sent[n] = nowMicros();
                    status[n] = conns[n].exchange("PUT", "/api/prefs/" + names[n], cookie, values[n], false).status();
                } catch (IOException | InterruptedException e) {
                    status[n] = 0;
                } finally {
                    answered[n] = nowMicros();
                    done.countDown();
                }
            }).start();
        }
        long cpuBefore = cpuTicks(serverPid);
        long begin = nowMicros();
        go.countDown();
        done.await();
        long end = nowMicros();
        long cpuAfter = cpuTicks(serverPid);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < WRITERS; i++) {
            s.append(i).append('\t').append(names[i]).append('\t').append(sent[i]).append('\t').append(answered[i])
                    .append('\t').append(status[i]).append('\n');
        }
        Files.writeString(dir.resolve(kind + ".tsv"), s);
        StringBuilder meta = new StringBuilder("begin=" + begin + "\nend=" + end + "\ncpu_ticks=" + (cpuAfter - cpuBefore) + "\n");
        if (kind.equals("race")) {
            Http.Response prefs = Http.once(host, port, "GET", "/api/prefs", cookie, null);
            prefs.expect(200);
            meta.append(verify(flatJson(new String(prefs.body(), StandardCharsets.UTF_8)), names, values, sent, answered, status));
        }
        Files.writeString(dir.resolve(kind + ".txt"), meta);
    }

    /**
     * Checks the stored preferences against what each write was told. A write answered 200 is lost
     * when its preference holds neither its value nor that of another kept write to it which could
     * have landed later (answered after this one was sent). A refused write's value must be nowhere.
     */
    static String verify(Map<String, String> stored, String[] names, String[] values, long[] sent, long[] answered, int[] status) {
        int lost = 0;
        int refusedYetStored = 0;
        for (int i = 0; i < WRITERS; i++) {
            String now = stored.get(names[i]);
            if (status[i] != 200) {
                refusedYetStored += values[i].equals(now) ? 1 : 0;
                continue;
            }
            boolean explained = false;
            for (int j = 0; j < WRITERS && !explained; j++) {
                explained = status[j] == 200 && names[j].equals(names[i]) && answered[j] >= sent[i] && values[j].equals(now);
            }
            lost += explained ? 0 : 1;
        }
        boolean ballast = stored.keySet().stream().filter(k -> k.matches("p\\d+")).count() > 0 && stored.containsKey("tail");
        return "lost=" + lost + "\nrefused_yet_stored=" + refusedYetStored + "\nprefs=" + stored.size() + "\nballast_kept="
                + ballast + "\n";
    }

    /** utime + stime of a process, in clock ticks, from /proc/PID/stat (fields 14 and 15; the name is in parentheses). */
    static long cpuTicks(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** A flat JSON object of strings, as {@code GET /api/prefs} answers. */
    static Map<String, String> flatJson(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        int[] at = {json.indexOf('{') + 1};
        while (true) {
            int quote = json.indexOf('"', at[0]);
            if (quote < 0) {
                return out;
            }
            at[0] = quote + 1;
            String key = jsonString(json, at);
            at[0] = json.indexOf('"', json.indexOf(':', at[0])) + 1;
            out.put(key, jsonString(json, at));
        }
    }

    private static String jsonString(String json, int[] at) {
        StringBuilder s = new StringBuilder();
        for (int i = at[0]; ; i++) {
            char c = json.charAt(i);
            if (c == '"') {
                at[0] = i + 1;
                return s.toString();
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = json.charAt(++i);
            switch (e) {
                case 'u' -> {
                    s.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'n' -> s.append('\n');
                case 't' -> s.append('\t');
                case 'r' -> s.append('\r');
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                default -> s.append(e);
            }
        }
    }

    static Map<String, String> readProps(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    // ---- report -------------------------------------------------------------------------------------

    /** One window's /health figures, in ms. */
    record Probes(int count, double p50, double p99, double max, int failed) {
        static Probes of(List<long[]> rows, long from, long to) {
            long[] lat = rows.stream().filter(r -> r[0] >= from && r[0] <= to).mapToLong(r -> r[1]).sorted().toArray();
            int failed = (int) rows.stream().filter(r -> r[0] >= from && r[0] <= to && r[2] != 200).count();
            return new Probes(lat.length, pct(lat, 0.5), pct(lat, 0.99), lat.length == 0 ? Double.NaN : lat[lat.length - 1] / 1e3, failed);
        }

        static double pct(long[] sorted, double f) {
            return sorted.length == 0 ? Double.NaN : sorted[Math.max(0, (int) Math.ceil(sorted.length * f) - 1)] / 1e3;
        }

        String cells() {
            return String.format(Locale.ROOT, "%d | %.1f | %.1f | %.0f", count, p50, p99, max);
        }
    }

    private static void report(Path meta, Path result, List<Path> rounds) throws IOException {
        Map<String, String> m = readProps(meta);
        double tick = Double.parseDouble(m.get("clk_tck"));
        StringBuilder rows = new StringBuilder();
        List<Double> raceRatios = new ArrayList<>();
        List<Double> floorRatios = new ArrayList<>();
        int kept = 0;
        int tooLarge = 0;
        int other = 0;
        int lost = 0;
        int wrong = 0;
        int probeFailures = 0;
        String fill = "";
        for (int r = 0; r < rounds.size(); r++) {
            Path dir = rounds.get(r);
            List<long[]> probes = Files.readAllLines(dir.resolve("probes.tsv")).stream()
                    .map(l -> Arrays.stream(l.split("\t")).mapToLong(Long::parseLong).toArray()).toList();
            Map<String, String> round = readProps(dir.resolve("round.txt"));
            Map<String, String> f = readProps(dir.resolve("fill.txt"));
            fill = f.get("big") + " preferences of 1 KiB stored as 6 KiB each, and a tail of " + f.get("tail") + " escapes";
            long idleFrom = probes.isEmpty() ? 0 : probes.get(0)[0] + 1_000_000;
            Probes idle = Probes.of(probes, idleFrom, Long.parseLong(round.get("idle_end")));
            probeFailures += idle.failed;
            rows.append(String.format(Locale.ROOT, "| %d | idle | | %s | | | |%n", r + 1, idle.cells()));
            for (String kind : List.of("floor", "race")) {
                Map<String, String> b = readProps(dir.resolve(kind + ".txt"));
                long begin = Long.parseLong(b.get("begin"));
                long end = Long.parseLong(b.get("end"));
                Probes during = Probes.of(probes, begin, end);
                probeFailures += during.failed;
                double ratio = during.p99 / idle.p99;
                (kind.equals("race") ? raceRatios : floorRatios).add(ratio);
                int[] counts = new int[4]; // 200, 413, 400, other
                for (String line : Files.readAllLines(dir.resolve(kind + ".tsv"))) {
                    int status = Integer.parseInt(line.split("\t")[4]);
                    counts[status == 200 ? 0 : status == 413 ? 1 : status == 400 ? 2 : 3]++;
                }
                String outcome;
                if (kind.equals("race")) {
                    kept += counts[0];
                    tooLarge += counts[1];
                    other += counts[2] + counts[3];
                    lost += Integer.parseInt(b.get("lost"));
                    wrong += Integer.parseInt(b.get("refused_yet_stored"));
                    outcome = String.format("%d kept, %d 413, %d other; lost %s", counts[0], counts[1], counts[2] + counts[3], b.get("lost"));
                } else {
                    other += counts[0] + counts[1] + counts[3];
                    outcome = counts[2] + " answered 400" + (counts[2] == WRITERS ? "" : ", " + (WRITERS - counts[2]) + " otherwise");
                }
                rows.append(String.format(Locale.ROOT, "| %d | %s | %.0f ms | %s | %.2f | %.2f s | %s |%n", r + 1,
                        kind.equals("race") ? "400 writes" : "floor", (end - begin) / 1e3, during.cells(), ratio,
                        Long.parseLong(b.get("cpu_ticks")) / tick, outcome));
            }
            rows.append(String.format("| | load %s → %s | | | | | | | | |%n", round.get("load_before"), round.get("load_after")));
        }
        double race = median(raceRatios);
        double floor = median(floorRatios);
        String text = "# Contention: 400 simultaneous writes to one full session, and /health meanwhile\n\n"
                + "`cloakroom-bench/contention.sh`, " + m.get("date") + "; " + m.get("machine") + "; load average "
                + m.get("load") + "; " + m.get("java") + ".\n\n"
                + "The demo (" + m.get("demo") + ") in its own JVM; the session filled through `PUT /api/prefs` to the core's default "
                + "limit of 256 KiB (" + fill + "; one more character answers 413). Each round: `/health` probed from a second "
                + "process at " + m.get("rate") + " requests/s on up to 8 kept-alive connections, each probe timed from when it was due; "
                + "then from a third process, with 400 connections opened first, 400 simultaneous PUTs: the floor (a name the route "
                + "refuses with 400 before it touches the session) and the race (350 same-size replacements of the session's "
                + "preferences, 50 that would grow it past the limit), in alternating order. Only probes due between the burst's "
                + "first request and its last answer count for it; idle is the " + m.get("idle") + " s before the first burst, "
                + "its first second dropped. Server CPU is its utime + stime over the burst window, from /proc.\n\n"
                + "| round | case | window | probes | p50 ms | p99 ms | max ms | p99 / idle p99 | server CPU | answers |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n" + rows
                + String.format(Locale.ROOT, "%nMedian of the rounds' ratios: **race %.2f**, floor %.2f (target: race within 2.00). "
                        + "Writes over %d rounds: %d kept, %d refused with 413, %d other answers; **%d lost**, %d refused yet stored; "
                        + "%d failed probes.%n", race, floor, rounds.size(), kept, tooLarge, other, lost, wrong, probeFailures);
        System.out.print(text);
        Files.writeString(result, text);
        if (lost > 0 || wrong > 0 || other > 0 || probeFailures > 0) {
            System.exit(1);
        }
    }

    static double median(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
