import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads load.lua's request logs and measures one outage against the fault test's targets.
 *
 * <pre>
 * java Report.java LOG_DIR KILL_MS BACK_MS
 * </pre>
 *
 * KILL_MS is when the store was killed, BACK_MS when it answered again (restarted, or a replica
 * promoted), both epoch milliseconds. The outage window is [kill, back + 2 s]: a 5xx (or a request
 * with no response) outside it is a failure of the test. Recovery is the time from BACK_MS to the
 * start of the first request after which no request failed. The slowest response is taken over
 * the requests in flight at any moment of [kill, back]. Exits 1 when a target is missed.
 */
public final class Report {

    static final double MAX_OUTAGE_RESPONSE_MS = 1500;
    static final double MAX_RECOVERY_MS = 2000;

    record Req(double start, double latency, int status, String path) {
        double end() {
            return start + latency;
        }

        boolean failed() {
            return status == 0 || status >= 500;
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        double kill = Double.parseDouble(args[1]);
        double back = Double.parseDouble(args[2]);
        List<Req> reqs = read(dir);
        reqs.sort(Comparator.comparingDouble(Req::start));

        long failedBefore = reqs.stream().filter(r -> r.failed() && r.end() < kill).count();
        long failedAfter = reqs.stream().filter(r -> r.failed() && r.start() > back + MAX_RECOVERY_MS).count();
        long failedInside = reqs.stream().filter(Req::failed).count() - failedBefore - failedAfter;
        long noResponse = reqs.stream().filter(r -> r.status() == 0).count();
        long other = reqs.stream().filter(r -> !r.failed() && (r.status() < 200 || r.status() >= 300)).count();
        Req slowest = reqs.stream().filter(r -> r.start() <= back && r.end() >= kill)
                .max(Comparator.comparingDouble(Req::latency)).orElse(null);
        double recoveredAt = back;
        for (int i = reqs.size() - 1; i >= 0; i--) {
            if (reqs.get(i).failed()) {
                recoveredAt = i + 1 < reqs.size() ? reqs.get(i + 1).start() : Double.POSITIVE_INFINITY;
                break;
            }
        }
        double recovery = Math.max(0, recoveredAt - back);
        List<Double> steady = reqs.stream().filter(r -> r.end() < kill && r.start() > kill - 4000)
                .map(Req::latency).sorted().toList();

        System.out.printf("requests: %d (%.0f/s in the 4 s before the kill, p50 %.1f ms, p99 %.1f ms)%n",
                reqs.size(), steady.size() / 4.0, pct(steady, 0.50), pct(steady, 0.99));
        System.out.printf("store down for %.2f s; 5xx or no response: %d inside [kill, back + 2 s], %d before, %d after"
                + " (%d without any response); other non-2xx: %d%n",
                (back - kill) / 1000, failedInside, failedBefore, failedAfter, noResponse, other);
        if (slowest != null) {
            System.out.printf("slowest response during the outage: %.0f ms (%d %s)%n",
                    slowest.latency(), slowest.status(), slowest.path());
        }
        System.out.printf("recovered %.0f ms after the store was back (%.0f ms after the kill)%n",
                recovery, recoveredAt - kill);
        perSecond(reqs, kill);

        boolean ok = failedBefore + failedAfter == 0
                && slowest != null && slowest.latency() <= MAX_OUTAGE_RESPONSE_MS
                && recovery <= MAX_RECOVERY_MS;
        System.out.printf("RESULT outside5xx=%d slowestMs=%.0f recoveryMs=%.0f windowMs=%.0f %s%n",
                failedBefore + failedAfter, slowest == null ? 0 : slowest.latency(), recovery,
                recoveredAt - kill, ok ? "PASS" : "FAIL");
        System.exit(ok ? 0 : 1);
    }

    /** One line per second around the outage: requests started, 2xx, 5xx or none, slowest. */
    private static void perSecond(List<Req> reqs, double kill) {
        System.out.println("  s from kill   started   2xx  5xx/none  slowest ms");
        double first = reqs.isEmpty() ? kill : reqs.get(0).start();
        double last = reqs.isEmpty() ? kill : reqs.get(reqs.size() - 1).start();
        for (long s = (long) Math.floor((first - kill) / 1000); s <= (last - kill) / 1000; s++) {
            double from = kill + s * 1000;
            List<Req> in = reqs.stream().filter(r -> r.start() >= from && r.start() < from + 1000).toList();
            System.out.printf("  %+11d %9d %5d %9d %11.0f%n", s, in.size(),
                    in.stream().filter(r -> r.status() >= 200 && r.status() < 300).count(),
                    in.stream().filter(Req::failed).count(),
                    in.stream().mapToDouble(Req::latency).max().orElse(0));
        }
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    private static List<Req> read(Path dir) throws IOException {
        List<Req> reqs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("requests-")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String[] p = line.split(" ");
                    if (p.length == 4) {
                        reqs.add(new Req(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Integer.parseInt(p[2]), p[3]));
                    }
                }
            }
        }
        return reqs;
    }
}
