import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The side-by-side harness's report: reads what compare.sh left in its work directory
 * ({@code runs.tsv}: round, case, route, wrk output file; {@code trips.tsv}: case, route, store
 * commands, requests; {@code meta.txt}), prints the tables and writes them as Markdown with an SVG
 * chart beside.
 *
 * <pre>java CompareReport.java WORK_DIR RESULT.md RESULT.svg</pre>
 *
 * Each ratio is taken within a round, both sides measured minutes apart at most, and the median
 * of the rounds' ratios is what is judged against the target. Exits 1 when a run had responses
 * other than 2xx or 3xx.
 */
public final class CompareReport {

    /** The cases in table order, with what each is. */
    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("demo-health", "Cloakroom demo, no session use");
        LABELS.put("demo-memory", "Cloakroom demo, MemoryStore");
        LABELS.put("demo-redis", "Cloakroom demo, Redis");
        LABELS.put("demo-postgres", "Cloakroom demo, PostgreSQL");
        LABELS.put("express-memory", "Express 5 + express-session, MemoryStore");
        LABELS.put("express-redis", "Express 5 + express-session + connect-redis");
        LABELS.put("jetty", "Javalin 7 on Jetty's own sessions");
        LABELS.put("javalin-health", "The same Javalin app on Cloakroom, no session use");
        LABELS.put("javalin-cloakroom", "The same Javalin app on Cloakroom, MemoryStore");
        LABELS.put("spring-session", "Spring Boot 4 + Security, Spring Session Redis");
        LABELS.put("spring-cloakroom", "Spring Boot 4 + Security, Cloakroom starter, Redis");
        LABELS.put("spring-tomcat", "Spring Boot 4 + Security, Tomcat's own in-memory sessions");
    }

    private record Run(double rps, double p50, double p99, long requests, long non2xx, long socketErrors) {
    }

    /** A throughput ratio: {@code a} over {@code b} (case and route each), and its target (NaN: none). */
    private record Ratio(String what, String a, String b, double atLeast) {
    }

    private static final List<Ratio> RATIOS = List.of(
            new Ratio("memory /get-session vs no session use (/health)", "demo-memory /get-session", "demo-health /health", 0.90),
            new Ratio("memory /get-session vs express-session MemoryStore", "demo-memory /get-session", "express-memory /get-session", 3),
            new Ratio("memory /set-session vs express-session MemoryStore", "demo-memory /set-session", "express-memory /set-session", Double.NaN),
            new Ratio("memory /get-session vs Jetty's sessions", "demo-memory /get-session", "jetty /get-session", 1.0),
            new Ratio("memory /set-session vs Jetty's sessions", "demo-memory /set-session", "jetty /set-session", Double.NaN),
            // The demo does more than the Jetty app on every route (pages, CSRF, body handling): what bounds the two above.
            new Ratio("bound: the demo's /health (no session use) vs Jetty's sessions' /get-session", "demo-health /health", "jetty /get-session", Double.NaN),
            new Ratio("like for like: the Javalin app on Cloakroom vs on Jetty's sessions, /get-session", "javalin-cloakroom /get-session", "jetty /get-session", Double.NaN),
            new Ratio("like for like: the Javalin app on Cloakroom vs on Jetty's sessions, /set-session", "javalin-cloakroom /set-session", "jetty /set-session", Double.NaN),
            new Ratio("like for like: the Javalin app on Cloakroom, /get-session vs its /health", "javalin-cloakroom /get-session", "javalin-health /health", Double.NaN),
            new Ratio("Redis /get-session vs express + connect-redis", "demo-redis /get-session", "express-redis /get-session", 3),
            new Ratio("Redis /set-session vs express + connect-redis", "demo-redis /set-session", "express-redis /set-session", Double.NaN),
            new Ratio("Spring on Cloakroom vs on Spring Session, /get-session", "spring-cloakroom /get-session", "spring-session /get-session", 2),
            new Ratio("Spring on Cloakroom vs on Spring Session, /set-session", "spring-cloakroom /set-session", "spring-session /set-session", 2),
            // No shared store can beat live objects in the server's memory: what bounds the two above.
            new Ratio("ceiling: Spring on Tomcat's own sessions vs on Spring Session, /get-session", "spring-tomcat /get-session", "spring-session /get-session", Double.NaN),
            new Ratio("ceiling: Spring on Tomcat's own sessions vs on Spring Session, /set-session", "spring-tomcat /set-session", "spring-session /set-session", Double.NaN));

    public static void main(String[] args) throws IOException {
        Path work = Path.of(args[0]);
        Map<String, String> meta = new LinkedHashMap<>();
        for (String line : Files.readAllLines(work.resolve("meta.txt"))) {
            int eq = line.indexOf('=');
            meta.put(line.substring(0, eq), line.substring(eq + 1));
        }
        // "case route" -> round -> run
        Map<String, TreeMap<Integer, Run>> runs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(work.resolve("runs.tsv"))) {
            String[] f = line.split("\t");
            runs.computeIfAbsent(f[1] + " " + f[2], k -> new TreeMap<>()).put(Integer.parseInt(f[0]), parse(Path.of(f[3])));
        }
        Map<String, double[]> trips = new LinkedHashMap<>(); // "case route" -> {commands, requests}
        Map<String, String> tripKinds = new LinkedHashMap<>(); // "case route" -> "GET 1.00, EXPIRE 1.00"
        for (String line : Files.readAllLines(work.resolve("trips.tsv"))) {
            String[] f = line.split("\t", -1);
            trips.put(f[0] + " " + f[1], new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
            tripKinds.put(f[0] + " " + f[1], f.length > 4 && !f[4].isEmpty() ? f[4] : "none");
        }

        StringBuilder md = new StringBuilder();
        md.append("# Side by side, ").append(meta.get("date")).append("\n\n");
        md.append("`cloakroom-bench/compare.sh`: wrk ").append(meta.get("wrk")).append(", on loopback. Machine: ")
                .append(meta.get("machine")).append("; load average ").append(meta.get("load")).append(". ")
                .append(meta.get("java")).append(", Node ").append(meta.get("node")).append(", Redis ")
                .append(meta.get("redis")).append(", PostgreSQL ").append(meta.get("postgres")).append(". The run took ")
                .append(meta.get("seconds")).append(" s.");
        if (meta.containsKey("warmup")) {
            md.append(" Warm-up: ").append(meta.get("warmup")).append('.');
        }
        md.append("\n\n");
        md.append("Medians over the rounds. Store trips are Redis commands outside Lua scripts (`MONITOR`) or "
                + "PostgreSQL statements (`pg_stat_statements`) per request, counted apart over ")
                .append(meta.getOrDefault("trips", "a fixed number of")).append(" requests per route, each on a session of its own, with the other servers idle.\n\n");
        md.append("| case | route | req/s | p50 ms | p99 ms | errors | store trips per request |\n|---|---|---|---|---|---|---|\n");
        boolean failed = false;
        for (Map.Entry<String, TreeMap<Integer, Run>> e : runs.entrySet()) {
            String[] key = e.getKey().split(" ");
            List<Run> rs = new ArrayList<>(e.getValue().values());
            long non2xx = rs.stream().mapToLong(Run::non2xx).sum();
            long socket = rs.stream().mapToLong(Run::socketErrors).sum();
            failed |= non2xx > 0;
            String errors = (non2xx == 0 && socket == 0) ? "0" : non2xx + " non-2xx, " + socket + " socket";
            md.append("| ").append(LABELS.getOrDefault(key[0], key[0])).append(" | `").append(key[1]).append("` | ")
                    .append(fmt(median(rs.stream().mapToDouble(Run::rps).toArray()), 0)).append(" | ")
                    .append(fmt(median(rs.stream().mapToDouble(Run::p50).toArray()), 2)).append(" | ")
                    .append(fmt(median(rs.stream().mapToDouble(Run::p99).toArray()), 2)).append(" | ")
                    .append(errors).append(" | ").append(tripsOf(trips, e.getKey())).append(" |\n");
        }
        for (Map.Entry<String, double[]> t : trips.entrySet()) { // routes counted but not loaded (/health on a store)
            if (!runs.containsKey(t.getKey())) {
                String[] key = t.getKey().split(" ");
                md.append("| ").append(LABELS.getOrDefault(key[0], key[0])).append(" | `").append(key[1])
                        .append("` | | | | | ").append(tripsOf(trips, t.getKey())).append(" |\n");
            }
        }

        md.append("\n## Targets\n\nThroughput ratios: each round's ratio of req/s, then their median.\n\n");
        md.append("| ratio | per round | median | target | |\n|---|---|---|---|---|\n");
        for (Ratio ratio : RATIOS) {
            TreeMap<Integer, Run> a = runs.get(ratio.a()), b = runs.get(ratio.b());
            if (a == null || b == null) {
                continue;
            }
            List<String> perRound = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (Integer round : a.keySet()) {
                if (b.containsKey(round)) {
                    double v = a.get(round).rps() / b.get(round).rps();
                    values.add(v);
                    perRound.add(fmt(v, 2));
                }
            }
            double m = median(values.stream().mapToDouble(Double::doubleValue).toArray());
            boolean hasTarget = !Double.isNaN(ratio.atLeast());
            md.append("| ").append(ratio.what()).append(" | ").append(String.join(", ", perRound)).append(" | **")
                    .append(fmt(m, 2)).append("×** | ").append(hasTarget ? "≥ " + fmt(ratio.atLeast(), 2) + "×" : "—")
                    .append(" | ").append(hasTarget ? (m >= ratio.atLeast() ? "met" : "**missed**") : "").append(" |\n");
        }
        md.append("\nStore trips per request (targets for Cloakroom's demo only), and which commands or statements:\n\n"
                + "| case | route | trips | which | target | |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<String, double[]> t : trips.entrySet()) {
            String[] key = t.getKey().split(" ");
            double target = switch (key[1]) {
                case "/health" -> 0;
                case "/get-session" -> 1;
                default -> 2;
            };
            boolean judged = key[0].startsWith("demo-");
            double v = t.getValue()[0] / t.getValue()[1];
            md.append("| ").append(LABELS.get(key[0])).append(" | `").append(key[1]).append("` | ").append(fmt(v, 2))
                    .append(" | ").append(tripKinds.get(t.getKey())).append(" | ")
                    .append(judged ? "≤ " + fmt(target, 0) : "—").append(" | ")
                    .append(judged ? (v <= target + 0.005 ? "met" : "**missed**") : "").append(" |\n");
        }

        Files.writeString(Path.of(args[1]), md.toString());
        Files.writeString(Path.of(args[2]), svg(runs, meta));
        System.out.print(md);
        System.out.println("\nwritten: " + args[1] + " and " + args[2]);
        if (failed) {
            System.out.println("FAILED: some responses were not 2xx or 3xx");
            System.exit(1);
        }
    }

    private static String tripsOf(Map<String, double[]> trips, String key) {
        double[] t = trips.get(key);
        return t == null ? "—" : fmt(t[0] / t[1], 2);
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private static Run parse(Path wrkOutput) throws IOException {
        String text = Files.readString(wrkOutput);
        Matcher rps = RPS.matcher(text);
        if (!rps.find()) {
            throw new IOException("no Requests/sec in " + wrkOutput + ":\n" + text);
        }
        Matcher requests = REQUESTS.matcher(text);
        Matcher non2xx = NON2XX.matcher(text);
        Matcher socket = SOCKET.matcher(text);
        long socketErrors = 0;
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(socket.group(g));
            }
        }
        return new Run(Double.parseDouble(rps.group(1)), percentile(text, "50%"), percentile(text, "99%"),
                requests.find() ? Long.parseLong(requests.group(1)) : 0,
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socketErrors);
    }

    /** A latency percentile from wrk's --latency distribution, in milliseconds. */
    private static double percentile(String text, String which) {
        Matcher m = Pattern.compile("^\\s+" + which + "\\s+([\\d.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE).matcher(text);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            default -> v * 60_000;
        };
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, decimals == 0 ? "%,.0f" : "%,." + decimals + "f", v);
    }

    /** Horizontal bars of median req/s, one a measurement, coloured by route. */
    private static String svg(Map<String, TreeMap<Integer, Run>> runs, Map<String, String> meta) {
        int left = 400, width = 900, row = 22, top = 40;
        double max = 0;
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<String, TreeMap<Integer, Run>> e : runs.entrySet()) {
            double m = median(e.getValue().values().stream().mapToDouble(Run::rps).toArray());
            medians.put(e.getKey(), m);
            max = Math.max(max, m);
        }
        int height = top + row * medians.size() + 30;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">\n", width, height));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">Requests per second, "
                + "median of the rounds: wrk %s (%s)</text>\n", esc(meta.get("wrk")), esc(meta.get("date"))));
        int y = top;
        for (Map.Entry<String, Double> e : medians.entrySet()) {
            String[] key = e.getKey().split(" ");
            String colour = switch (key[1]) {
                case "/get-session" -> "#3b7dd8";
                case "/set-session" -> "#e08a2c";
                default -> "#888888";
            };
            double w = max == 0 ? 0 : (width - left - 80) * e.getValue() / max;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s %s</text>\n",
                    left - 8, y + 15, esc(LABELS.getOrDefault(key[0], key[0])), esc(key[1])));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
                    left, y + 3, w, row - 6, colour));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>\n", left + w + 4, y + 15, fmt(e.getValue(), 0)));
            y += row;
        }
        s.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" fill=\"#555\">%s; load average %s</text>\n",
                y + 20, esc(meta.get("machine")), esc(meta.get("load"))));
        return s.append("</svg>\n").toString();
    }

    private static String esc(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&#39;");
    }
}
