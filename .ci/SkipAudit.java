import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fails when a Surefire report in the build lists a skipped test that the expected-skips file does
 * not name, or when no report exists at all. Usage: java .ci/SkipAudit.java EXPECTED_FILE ROOT
 */
public final class SkipAudit {

    private static final Pattern SKIPPED = Pattern.compile(
            "<testcase name=\"([^\"]*)\"[^>]*>\\s*<skipped", Pattern.DOTALL);

    public static void main(String[] args) throws IOException {
        Set<String> expected = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                expected.add(entry.split("\\s+", 2)[0]);
            }
        }
        List<Path> reports = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(args[1]), 4)) {
            files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
                    .filter(p -> p.getParent().endsWith(Path.of("target", "surefire-reports")))
                    .forEach(reports::add);
        }
        if (reports.isEmpty()) {
            fail("no Surefire reports found: did the tests run?");
        }
        Set<String> seen = new TreeSet<>();
        for (Path report : reports) {
            String name = report.getFileName().toString();
            String reportClass = name.substring("TEST-".length(), name.length() - ".xml".length());
            Matcher m = SKIPPED.matcher(Files.readString(report));
            while (m.find()) {
                seen.add(reportClass + "#" + m.group(1));
            }
        }
        Set<String> unexpected = new TreeSet<>(seen);
        unexpected.removeAll(expected);
        System.out.println("skip audit: " + reports.size() + " reports, " + seen.size() + " skipped, "
                + unexpected.size() + " not listed in .ci/expected-skips");
        if (!unexpected.isEmpty()) {
            fail("tests were skipped that must run:\n  " + String.join("\n  ", unexpected));
        }
    }

    private static void fail(String message) {
        System.err.println("skip audit failed: " + message);
        System.exit(1);
    }
}
