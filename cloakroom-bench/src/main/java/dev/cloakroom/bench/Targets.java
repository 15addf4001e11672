package dev.cloakroom.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The performance targets, judged on one run's figures, so every ratio compares measurements taken
 * on the same machine at the same time. Timings are advice, not a gate: CI only smoke-runs the
 * benchmarks. A target whose benchmarks the run did not select is reported as not measured.
 */
final class Targets {

    private Targets() {
    }

    /**
     * {@return the targets' lines, and the allocation per request when the run had {@code -prof gc}}
     *
     * @param results what the runner returned
     */
    static String report(Collection<RunResult> results) {
        StringBuilder out = new StringBuilder("Cloakroom targets, from this run's figures:\n");
        Optional<Double> verify = nanosPerOp(results, "CookieBench.verify", null);
        ratio(out, "core: read-only request / cookie verify", nanosPerOp(results, "RequestBench.readOnly", null), verify,
                4.0, true);
        ratio(out, "core: request without session use / cookie verify",
                nanosPerOp(results, "RequestBench.noSessionUse", null), verify, 0.3, true);
        for (String op : new String[] {"get", "set"}) {
            ratio(out, "MemoryStore: " + op + " time at 1M sessions / at 1k",
                    nanosPerOp(results, "MemoryStoreBench." + op, "1000000"),
                    nanosPerOp(results, "MemoryStoreBench." + op, "1000"), 1.2, true);
        }
        bound(out, "  what bounds it: a plain map's get at 1M / at 1k", nanosPerOp(results, "MemoryStoreBench.mapGet", "1000000"),
                nanosPerOp(results, "MemoryStoreBench.mapGet", "1000"));
        for (String sessions : new String[] {"1000", "1000000"}) {
            ratio(out, "MemoryStore: get throughput, 2 threads / 1, at " + sessions + " sessions",
                    nanosPerOp(results, "MemoryStoreBench.get", sessions),
                    nanosPerOp(results, "MemoryStoreBench.getTwoThreads", sessions), 1.7, false);
            bound(out, "  what bounds it: a plain map's, 2 threads / 1, at " + sessions, nanosPerOp(results, "MemoryStoreBench.mapGet", sessions),
                    nanosPerOp(results, "MemoryStoreBench.mapGetTwoThreads", sessions));
        }
        out.append("  MemoryStore: heap per small session at 1M: see MemoryProbe (target <= 400 bytes)\n");
        if (cpuPerOp(results, "CookieBench.verify", null).isPresent() || cpuPerOp(results, "MemoryStoreBench.get", "1000").isPresent()) {
            // The same targets by CPU time, which a wait for a core on a busy machine does not inflate.
            out.append("By CPU time per operation (-prof ").append(CpuTimeProfiler.class.getName()).append("):\n");
            Optional<Double> verifyCpu = cpuPerOp(results, "CookieBench.verify", null);
            ratio(out, "core: read-only request / cookie verify", cpuPerOp(results, "RequestBench.readOnly", null),
                    verifyCpu, 4.0, true);
            ratio(out, "core: request without session use / cookie verify",
                    cpuPerOp(results, "RequestBench.noSessionUse", null), verifyCpu, 0.3, true);
            for (String op : new String[] {"get", "set"}) {
                ratio(out, "MemoryStore: " + op + " CPU at 1M sessions / at 1k",
                        cpuPerOp(results, "MemoryStoreBench." + op, "1000000"),
                        cpuPerOp(results, "MemoryStoreBench." + op, "1000"), 1.2, true);
            }
            bound(out, "  what bounds it: a plain map's get at 1M / at 1k", cpuPerOp(results, "MemoryStoreBench.mapGet", "1000000"),
                    cpuPerOp(results, "MemoryStoreBench.mapGet", "1000"));
            for (String sessions : new String[] {"1000", "1000000"}) {
                // Two threads on two free cores gain 1.7x only if each get costs at most 2 / 1.7 of one thread's.
                ratio(out, "MemoryStore: get CPU, 2 threads / 1, at " + sessions + " (1.7x gain)",
                        cpuPerOp(results, "MemoryStoreBench.getTwoThreads", sessions),
                        cpuPerOp(results, "MemoryStoreBench.get", sessions), 2 / 1.7, true);
                bound(out, "  what bounds it: a plain map's CPU, 2 threads / 1, at " + sessions, cpuPerOp(results, "MemoryStoreBench.mapGetTwoThreads", sessions),
                        cpuPerOp(results, "MemoryStoreBench.mapGet", sessions));
            }
        }

        StringBuilder allocation = new StringBuilder();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            if (!name.contains(".RequestBench.")) {
                continue;
            }
            for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
                if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                    allocation.append(String.format(Locale.ROOT, "  %-14s %8.0f %s%n",
                            name.substring(name.lastIndexOf('.') + 1), e.getValue().getScore(),
                            e.getValue().getScoreUnit()));
                }
            }
        }
        if (allocation.length() > 0) {
            out.append("Allocated per request (-prof gc):\n").append(allocation);
        }
        return out.toString();
    }

    /**
     * Appends one target's line: the ratio {@code a / b} of two times per operation, to be at most
     * {@code target} or, when {@code atMost} is false, at least it (a throughput gain: {@code a} is
     * the one-thread time, {@code b} the two threads' wall time per operation).
     */
    private static void ratio(StringBuilder out, String what, Optional<Double> a, Optional<Double> b,
                              double target, boolean atMost) {
        if (a.isEmpty() || b.isEmpty()) {
            out.append(String.format(Locale.ROOT, "  %-62s not measured in this run%n", what));
            return;
        }
        double ratio = a.get() / b.get();
        boolean met = atMost ? ratio <= target : ratio >= target;
        out.append(String.format(Locale.ROOT, "  %-62s %6.2fx  target %s %.2fx  %s%n", what, ratio,
                atMost ? "<=" : ">=", target, met ? "met" : "MISSED"));
    }

    /** A ratio with no target of its own: the floor a target's ratio stands on. */
    private static void bound(StringBuilder out, String what, Optional<Double> a, Optional<Double> b) {
        if (a.isPresent() && b.isPresent()) {
            out.append(String.format(Locale.ROOT, "  %-62s %6.2fx%n", what, a.get() / b.get()));
        }
    }

    /** {@return the time one operation took, in nanoseconds; for a throughput run, the wall time per operation of all its threads together} */
    private static Optional<Double> nanosPerOp(Collection<RunResult> results, String benchmark, String param) {
        for (RunResult r : results) {
            if (!r.getParams().getBenchmark().endsWith("." + benchmark) || !hasParam(r, param)) {
                continue;
            }
            Result<?> primary = r.getPrimaryResult();
            String unit = primary.getScoreUnit();
            if (r.getParams().getMode() == Mode.Throughput) {
                return Optional.of(nanos(unit.substring(unit.indexOf('/') + 1)) / primary.getScore());
            }
            return Optional.of(primary.getScore() * nanos(unit.substring(0, unit.indexOf('/'))));
        }
        return Optional.empty();
    }

    /** {@return the benchmark threads' CPU time per operation, in nanoseconds, when the run had {@link CpuTimeProfiler}} */
    private static Optional<Double> cpuPerOp(Collection<RunResult> results, String benchmark, String param) {
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("." + benchmark) && hasParam(r, param)) {
                Result<?> cpu = r.getSecondaryResults().get("cpu.time.norm");
                return cpu == null ? Optional.empty() : Optional.of(cpu.getScore());
            }
        }
        return Optional.empty();
    }

    /** {@return whether one of the run's parameters ({@code sessions}, {@code document}) has the value {@code param}; true for null} */
    private static boolean hasParam(RunResult r, String param) {
        if (param == null) {
            return true;
        }
        for (Object key : r.getParams().getParamsKeys()) {
            if (param.equals(r.getParams().getParam((String) key))) {
                return true;
            }
        }
        return false;
    }

    private static double nanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> throw new IllegalArgumentException("unexpected time unit " + unit);
        };
    }
}
